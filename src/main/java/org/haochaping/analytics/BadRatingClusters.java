package org.haochaping.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.Level;
import org.springframework.stereotype.Component;

/**
 * 第十二条: items and departments where bad ratings cluster — at least {@code clusterMinBad} bad ratings and a bad
 * rate of at least {@code clusterFactor} times the overall one — with the reasons people chose most and typical
 * cases free of personal data, so the common problem behind them can be found and fixed (双归零).
 */
@Component
class BadRatingClusters {

    record ReasonShare(String label, long count) {
    }

    /** A bad rating told without personal data: no case number, no evaluator, the comment scrubbed. */
    record TypicalCase(String day, String itemName, String level, List<String> reasons, String comment) {
    }

    record Cluster(RankingSubject subject, String code, String name, long ratings, long bad, double badRate,
            double timesOverall, List<ReasonShare> reasons, List<TypicalCase> cases) {
    }

    private final AnalyticsManagement analytics;
    private final AnalyticsSettings settings;
    private final EvaluationManagement evaluations;
    private final CatalogManagement catalog;
    private final CommentAnalyzer comments;

    BadRatingClusters(AnalyticsManagement analytics, AnalyticsSettings settings, EvaluationManagement evaluations,
            CatalogManagement catalog, CommentAnalyzer comments) {
        this.analytics = analytics;
        this.settings = settings;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.comments = comments;
    }

    List<Cluster> clusters(StatsFilter filter, int typicalCases) {
        Metrics.LevelCounts all = AnalyticsManagement.levels(analytics.rollups().cells(filter, null));
        Double overall = Metrics.badRate(all);
        List<Cluster> clusters = new ArrayList<>();
        if (overall == null || overall == 0) {
            return clusters;
        }
        Map<String, String> reasonLabels = reasonLabels();
        for (RankingSubject subject : List.of(RankingSubject.ITEM, RankingSubject.DEPARTMENT)) {
            for (Ranking.Row r : analytics.rank(subject, filter)) {
                if (r.bad() < settings.clusterMinBad() || r.badRate() == null
                        || r.badRate() < settings.clusterFactor() * overall) {
                    continue;
                }
                StatsFilter narrowed = filter.subject(subject, r.subjectCode());
                List<ReasonShare> reasons = analytics.rollups().reasons(narrowed).stream()
                        .filter(x -> x.level().isBad())
                        .collect(Collectors.groupingBy(x -> reasonLabels.getOrDefault(x.code(), x.code()),
                                Collectors.summingLong(Rollups.ReasonCount::count)))
                        .entrySet().stream().map(e -> new ReasonShare(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparingLong(ReasonShare::count).reversed()).limit(5).toList();
                clusters.add(new Cluster(subject, r.subjectCode(), r.subjectName(), r.count(), r.bad(), r.badRate(),
                        AnalyticsManagement.round(r.badRate() / overall), reasons,
                        typical(narrowed, typicalCases, reasonLabels)));
            }
        }
        clusters.sort(Comparator.comparingLong(Cluster::bad).reversed().thenComparing(Cluster::code));
        return clusters;
    }

    /** Bad ratings under the filter as typical cases (those with a comment first). */
    List<TypicalCase> typical(StatsFilter filter, int limit, Map<String, String> reasonLabels) {
        List<TypicalCase> cases = new ArrayList<>();
        for (String id : analytics.rollups().badRatings(filter, limit)) {
            evaluations.find(id).ifPresent(e -> cases.add(new TypicalCase(e.submittedAt().toLocalDate().toString(),
                    e.itemName(), e.level().label(),
                    e.reasons().stream().map(code -> reasonLabels.getOrDefault(code, code)).toList(),
                    comments.scrub(e.comment()))));
        }
        return cases;
    }

    Map<String, String> reasonLabels() {
        return catalog.activeReasons().stream().filter(r -> Level.valueOf(r.level()).isBad())
                .collect(Collectors.toMap(CatalogManagement.ReasonOption::code, CatalogManagement.ReasonOption::label,
                        (a, b) -> a));
    }
}
