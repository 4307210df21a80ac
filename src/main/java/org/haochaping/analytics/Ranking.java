package org.haochaping.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A ranking of one kind of subject over a period (domain §8, "Score and fair ranking"): rows ordered by the
 * ranking score, which shrinks small samples toward the mean {@code overallMean} of all subjects ranked together.
 */
public record Ranking(RankingSubject subject, String subjectLabel, String period, String periodLabel, LocalDate from,
        LocalDate to, Double overallMean, double shrinkageWeight, List<Row> items, Map<String, String> definitions) {

    /**
     * One ranked subject: {@code score} is the mean points of its valid ratings, {@code rankingScore} the shrunk
     * score it is ordered by, {@code count} its valid ratings, {@code ratingRate} the share of its cases completed in
     * the period that a person rated ({@code personRatings} of {@code completedCases}).
     */
    public record Row(int rank, String subjectCode, String subjectName, double score, double rankingScore, long count,
            Double ratingRate, long personRatings, long completedCases, long bad, Double satisfactionRate,
            Double badRate) {
    }
}
