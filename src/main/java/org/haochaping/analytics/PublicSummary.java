package org.haochaping.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A published period as open data (第十三条): the city's rates, the rankings of departments, service bodies, items
 * and regions, and "you said, we did" stories. No personal data; a subject with fewer than {@code minRatings} valid
 * ratings shows no numbers ("样本不足") and no rank.
 */
public record PublicSummary(String period, String periodLabel, LocalDate from, LocalDate to,
        OffsetDateTime publishedAt, long validTotal, Map<String, Long> levels, Double satisfactionRate,
        Double badRate, Double activeRate, Double score, Double rectificationRate, Double onTimeRectificationRate,
        Double callbackRate, Map<String, PublicRanking> rankings, List<Story> stories, List<String> publishedPeriods,
        int minRatings, Map<String, String> definitions) {

    public record PublicRanking(String subject, String subjectLabel, List<Row> rows) {
    }

    /** A ranked subject; {@code suppressed} rows carry only the name. */
    public record Row(Integer rank, String subjectCode, String subjectName, Double score, Double rankingScore,
            Long count, Double satisfactionRate, boolean suppressed, String note) {
    }

    public record Story(String title, String said, String done) {
    }
}
