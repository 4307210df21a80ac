package org.haochaping.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What people say in a period (plan 二(四)3): the terms of their comments (all and in bad ratings), the terms
 * rising against the period before, TextRank keywords, how often each reason option was chosen, and example
 * comments scrubbed of personal data.
 */
@Component
class CommentInsights {

    static final int TERMS = 20;
    static final int KEYWORD_SAMPLE = 200;

    record Trend(String term, long current, long previous, boolean fresh) {
    }

    record ReasonFrequency(String level, String levelLabel, String code, String label, long count, Double share) {
    }

    record Example(String term, String day, String level, String itemName, String comment) {
    }

    record Insights(String period, String periodLabel, long commented, List<Rollups.TermCount> terms,
            List<Rollups.TermCount> badTerms, List<Trend> trending, List<String> keywords,
            List<ReasonFrequency> reasons, List<Example> examples) {
    }

    private final AnalyticsManagement analytics;
    private final CommentAnalyzer analyzer;
    private final EvaluationManagement evaluations;
    private final CatalogManagement catalog;
    private final JdbcClient jdbc;

    CommentInsights(AnalyticsManagement analytics, CommentAnalyzer analyzer, EvaluationManagement evaluations,
            CatalogManagement catalog, JdbcClient jdbc) {
        this.analytics = analytics;
        this.analyzer = analyzer;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    Insights of(Period period, StatsFilter scope) {
        Rollups rollups = analytics.rollups();
        StatsFilter now = scope.between(period.from(), period.to());
        Period before = period.previous();
        StatsFilter then = scope.between(before.from(), before.to());
        List<Rollups.TermCount> terms = rollups.terms(now, false, TERMS);
        Map<String, Long> previous = rollups.terms(then, false, 500).stream()
                .collect(Collectors.toMap(Rollups.TermCount::term, Rollups.TermCount::ratings));
        List<Trend> trending = rollups.terms(now, false, 200).stream()
                .map(t -> new Trend(t.term(), t.ratings(), previous.getOrDefault(t.term(), 0L),
                        !previous.containsKey(t.term())))
                .filter(t -> t.current() > t.previous())
                .sorted(Comparator.comparingLong((Trend t) -> t.current() - t.previous()).reversed()
                        .thenComparing(Trend::term))
                .limit(10).toList();

        List<String> sample = commentedRatings(now, KEYWORD_SAMPLE);
        List<EvaluationView> sampled = sample.stream().map(evaluations::find).flatMap(java.util.Optional::stream)
                .toList();
        List<String> keywords = analyzer.keywords(sampled.stream().map(EvaluationView::comment).toList(), 10);

        List<Example> examples = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (Rollups.TermCount t : terms.stream().limit(5).toList()) {
            for (String id : rollups.ratingsWithTerm(now, t.term(), 2)) {
                if (shown.add(id)) {
                    evaluations.find(id).ifPresent(e -> examples.add(new Example(t.term(),
                            e.submittedAt().toLocalDate().toString(), e.level().label(), e.itemName(),
                            analyzer.scrub(e.comment()))));
                }
            }
        }
        return new Insights(period.code(), period.label(), countCommented(now), terms, rollups.terms(now, true, TERMS),
                trending, keywords, reasons(now), examples);
    }

    private List<ReasonFrequency> reasons(StatsFilter filter) {
        Map<String, String> labels = catalog.activeReasons().stream().collect(Collectors.toMap(
                r -> r.level() + ":" + r.code(), CatalogManagement.ReasonOption::label, (a, b) -> a));
        Map<Level, Long> perLevel = new EnumMap<>(Level.class);
        analytics.rollups().cells(filter, null).forEach(c -> perLevel.merge(c.level(), c.ratings(), Long::sum));
        return analytics.rollups().reasons(filter).stream()
                .map(r -> new ReasonFrequency(r.level().name(), r.level().label(), r.code(),
                        labels.getOrDefault(r.level().name() + ":" + r.code(), r.code()), r.count(),
                        Metrics.rate(r.count(), perLevel.getOrDefault(r.level(), 0L))))
                .sorted(Comparator.comparing((ReasonFrequency r) -> Level.valueOf(r.level()))
                        .thenComparing(Comparator.comparingLong(ReasonFrequency::count).reversed()))
                .toList();
    }

    private List<String> commentedRatings(StatsFilter filter, int limit) {
        return jdbc.sql("select a.evaluation_id from analytics_rating a where a.counted and a.has_comment and "
                        + filter.sql("a") + " order by a.stat_day desc, a.evaluation_id limit :limit")
                .params(filter.params()).param("limit", limit).query(String.class).list();
    }

    private long countCommented(StatsFilter filter) {
        return jdbc.sql("select count(*) from analytics_rating a where a.counted and a.has_comment and "
                + filter.sql("a")).params(filter.params()).query(Long.class).single();
    }
}
