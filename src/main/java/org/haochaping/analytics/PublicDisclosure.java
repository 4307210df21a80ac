package org.haochaping.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.identity.DataScope;
import org.haochaping.system.DomainProblem;
import org.springframework.stereotype.Component;

/**
 * What the public sees of a published period (第十三条), from the same rollups as every other figure; small groups
 * are suppressed and staff are not ranked in public.
 */
@Component
class PublicDisclosure {

    static final String TOO_FEW = "样本不足";
    static final List<RankingSubject> PUBLIC_SUBJECTS = List.of(RankingSubject.DEPARTMENT,
            RankingSubject.SERVICE_BODY, RankingSubject.REGION, RankingSubject.ITEM);

    private final AnalyticsManagement analytics;
    private final Publications publications;
    private final AnalyticsSettings settings;

    PublicDisclosure(AnalyticsManagement analytics, Publications publications, AnalyticsSettings settings) {
        this.analytics = analytics;
        this.publications = publications;
        this.settings = settings;
    }

    /** The latest published period, or 404 when nothing is published yet. */
    PublicSummary latest() {
        List<Period> published = publications.published();
        if (published.isEmpty()) {
            throw DomainProblem.notFound("尚未发布任何统计周期的评价结果。");
        }
        return of(published.get(0));
    }

    /** A published period; an unpublished one does not exist for the public (404). */
    PublicSummary of(Period period) {
        Publications.Publication publication = publications.find(period.code())
                .orElseThrow(() -> DomainProblem.notFound(period.label() + "的评价结果尚未发布。"));
        int min = settings.publicMinRatings();
        StatsFilter filter = StatsFilter.of(DataScope.everything(), period.from(), period.to());
        Summary s = analytics.summary(filter);
        boolean enough = s.validTotal() >= min;
        Map<String, PublicSummary.PublicRanking> rankings = new LinkedHashMap<>();
        for (RankingSubject subject : PUBLIC_SUBJECTS) {
            List<PublicSummary.Row> rows = new ArrayList<>();
            List<PublicSummary.Row> suppressed = new ArrayList<>();
            int rank = 0;
            for (Ranking.Row r : analytics.rank(subject, filter)) {
                if (r.count() < min) {
                    suppressed.add(new PublicSummary.Row(null, r.subjectCode(), r.subjectName(), null, null, null,
                            null, true, TOO_FEW));
                } else {
                    rows.add(new PublicSummary.Row(++rank, r.subjectCode(), r.subjectName(), r.score(),
                            r.rankingScore(), r.count(), r.satisfactionRate(), false, null));
                }
            }
            rows.addAll(suppressed);
            rankings.put(subject.name(), new PublicSummary.PublicRanking(subject.name(), subject.label(), rows));
        }
        List<PublicSummary.Story> stories = publications.stories(period.code()).stream()
                .map(st -> new PublicSummary.Story(st.title(), st.said(), st.done())).toList();
        return new PublicSummary(period.code(), period.label(), period.from(), period.to(), publication.publishedAt(),
                s.validTotal(), enough ? s.levels() : null, enough ? s.satisfactionRate() : null,
                enough ? s.badRate() : null, enough ? s.activeRate() : null, enough ? s.score() : null,
                s.rectificationRate(), s.onTimeRectificationRate(), s.callbackRate(), rankings, stories,
                publications.published().stream().map(Period::code).toList(), min, Metrics.definitions());
    }
}
