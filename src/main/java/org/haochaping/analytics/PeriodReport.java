package org.haochaping.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.integrity.LedgerAnchors;
import org.haochaping.rectification.RectificationFigures;
import org.haochaping.rectification.RectificationManagement;
import org.springframework.stereotype.Component;

/**
 * The contents of a period's report (第十一条 periodic summaries, plan 二(四)2): summary, rankings, bad-review
 * handling per department, what is not yet rectified on time, concentrated bad ratings with typical cases, the
 * key-supervision list and the rating ledger's daily anchors (the report fixes the ledger's state). The printable
 * page and the workbook are both made from it, so they agree.
 */
@Component
class PeriodReport {

    /** Bad-review handling of one department (第十条). */
    record Handling(String departmentCode, String departmentName, long bad, long confirmed, long rectified,
            long rectifiedOnTime, long notOnTime, Double rectificationRate, Double onTimeRate, long realNameBad,
            long calledBack, Double callbackRate) {
    }

    /** Appraisal indicators of one department or staff member (第十四条). */
    record Appraisal(String code, String name, String departmentName, Ranking.Row row, Handling handling,
            int periodsAtBottom) {
    }

    /**
     * {@code anchors}: the rating ledger's daily anchors of the period's days in the viewer's regions, by region and
     * day (a day is anchored after it ends).
     */
    record Contents(Period period, Summary summary, List<Figures.Card> cards, Map<RankingSubject, Ranking> rankings,
            List<Handling> handling, List<BadRatingClusters.Cluster> clusters, List<KeySupervision.Target> targets,
            List<LedgerAnchors.Anchor> anchors) {

        /** Each region's last anchor of the period: the state of its ledger the report vouches for. */
        public List<LedgerAnchors.Anchor> lastAnchors() {
            Map<String, LedgerAnchors.Anchor> last = new LinkedHashMap<>();
            anchors.forEach(a -> last.put(a.regionCode(), a));
            return List.copyOf(last.values());
        }
    }

    static final List<RankingSubject> RANKED = List.of(RankingSubject.DEPARTMENT, RankingSubject.SERVICE_BODY,
            RankingSubject.STAFF, RankingSubject.ITEM, RankingSubject.REGION);

    private final AnalyticsManagement analytics;
    private final RectificationManagement rectification;
    private final BadRatingClusters clusters;
    private final KeySupervision supervision;
    private final CatalogManagement catalog;
    private final LedgerAnchors ledger;

    PeriodReport(AnalyticsManagement analytics, RectificationManagement rectification, BadRatingClusters clusters,
            KeySupervision supervision, CatalogManagement catalog, LedgerAnchors ledger) {
        this.ledger = ledger;
        this.analytics = analytics;
        this.rectification = rectification;
        this.clusters = clusters;
        this.supervision = supervision;
        this.catalog = catalog;
    }

    Contents of(Period period, StatsFilter scope) {
        StatsFilter filter = scope.between(period.from(), period.to());
        Summary summary = analytics.summary(filter);
        Map<RankingSubject, Ranking> rankings = new LinkedHashMap<>();
        for (RankingSubject s : RANKED) {
            rankings.put(s, analytics.ranking(s, period, scope));
        }
        List<KeySupervision.Target> targets = new ArrayList<>();
        for (RankingSubject s : List.of(RankingSubject.DEPARTMENT, RankingSubject.STAFF)) {
            targets.addAll(supervision.targets(s, period, scope));
        }
        return new Contents(period, summary, Figures.cards(summary), rankings, handling(filter),
                clusters.clusters(filter, 3), targets, ledger.between(scope.scope().regionPrefix(), period.from(),
                        period.to()));
    }

    /** Bad-review handling per department with bad ratings or work orders in the period. */
    List<Handling> handling(StatsFilter filter) {
        Map<String, Metrics.LevelCounts> counts = analytics.countsBy(RankingSubject.DEPARTMENT, filter);
        List<Handling> rows = new ArrayList<>();
        for (CatalogManagement.Department d : catalog.departments()) {
            if (!filter.scope().covers(d.regionCode(), d.code(), filter.scope().serviceBodyCode(),
                    filter.scope().staffNo())) {
                continue;
            }
            RectificationFigures f = rectification.figures(filter.scope(), filter.from(), filter.to(), null, d.code());
            long bad = counts.getOrDefault(d.code(), Metrics.LevelCounts.none()).bad();
            if (bad == 0 && f.confirmed() == 0 && f.realNameBad() == 0) {
                continue;
            }
            rows.add(new Handling(d.code(), d.name(), bad, f.confirmed(), f.rectified(), f.rectifiedOnTime(),
                    f.confirmed() - f.rectifiedOnTime(), f.rectificationRate(), f.onTimeRectificationRate(),
                    f.realNameBad(), f.calledBack(), f.callbackRate()));
        }
        return rows;
    }

    /** The appraisal indicators per department and per staff member for the period (第十四条). */
    Map<RankingSubject, List<Appraisal>> appraisal(Period period, StatsFilter scope) {
        StatsFilter filter = scope.between(period.from(), period.to());
        Map<String, Handling> byDepartment = new LinkedHashMap<>();
        handling(filter).forEach(h -> byDepartment.put(h.departmentCode(), h));
        Map<String, String> departmentNames = new LinkedHashMap<>();
        catalog.departments().forEach(d -> departmentNames.put(d.code(), d.name()));
        Map<String, String> staffDepartment = new LinkedHashMap<>();
        catalog.staffMembers().forEach(s -> staffDepartment.put(s.staffNo(), s.departmentCode()));
        Map<RankingSubject, List<Appraisal>> result = new LinkedHashMap<>();
        for (RankingSubject subject : List.of(RankingSubject.DEPARTMENT, RankingSubject.STAFF)) {
            Map<String, Integer> atBottom = new LinkedHashMap<>();
            supervision.targets(subject, period, scope).forEach(t -> atBottom.put(t.code(), t.consecutive()));
            List<Appraisal> rows = new ArrayList<>();
            for (Ranking.Row r : analytics.rank(subject, filter)) {
                String department = subject == RankingSubject.DEPARTMENT ? r.subjectCode()
                        : staffDepartment.get(r.subjectCode());
                rows.add(new Appraisal(r.subjectCode(), r.subjectName(),
                        department == null ? "" : departmentNames.getOrDefault(department, department), r,
                        subject == RankingSubject.DEPARTMENT ? byDepartment.get(r.subjectCode()) : null,
                        atBottom.getOrDefault(r.subjectCode(), 0)));
            }
            result.put(subject, rows);
        }
        return result;
    }
}
