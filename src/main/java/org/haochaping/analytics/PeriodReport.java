package org.haochaping.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.integrity.LedgerAnchors;
import org.haochaping.rectification.RectificationFigures;
import org.haochaping.rectification.RectificationManagement;
import org.haochaping.rectification.WorkOrderFacts;
import org.haochaping.rectification.WorkOrderStatus;
import org.springframework.stereotype.Component;

/**
 * The contents of a period's report (第十一条 periodic summaries, plan 二(四)2): summary, rankings, bad-review
 * handling per department, what is not yet rectified on time, concentrated bad ratings with typical cases, the
 * key-supervision list and the rating ledger's daily anchors (the report fixes the ledger's state). The printable
 * page and the workbook are both made from it, so they agree.
 */
@Component
class PeriodReport {

    /**
     * Bad-review handling of one department (第十条): {@code overdue} are the work orders of the period's bad ratings
     * that are past their deadline and still being rectified (or waiting for an extension) now.
     */
    record Handling(String departmentCode, String departmentName, long bad, long confirmed, long rectified,
            long rectifiedOnTime, long overdue, Double rectificationRate, Double onTimeRate, long realNameBad,
            long calledBack, Double callbackRate) {
    }

    /**
     * Appraisal indicators of one department or staff member (第十四条); for a year, also the deductions recorded
     * against it, the score after them ({@code net}) and whether it keeps the year's award eligibility.
     */
    record Appraisal(String code, String name, String departmentName, Ranking.Row row, Handling handling,
            int periodsAtBottom, BigDecimal deducted, Double net, boolean eligible) {
    }

    /** The appraisal of a period; {@code deductions} only for a year (deductions belong to the annual appraisal). */
    record AppraisalContents(Period period, Map<RankingSubject, List<Appraisal>> rows,
            List<AppraisalAdjustments.Deduction> deductions) {

        boolean annual() {
            return period.kind() == Period.Kind.YEAR;
        }
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
    private final List<AppraisalAdjustments> adjustments;

    PeriodReport(AnalyticsManagement analytics, RectificationManagement rectification, BadRatingClusters clusters,
            KeySupervision supervision, CatalogManagement catalog, LedgerAnchors ledger,
            List<AppraisalAdjustments> adjustments) {
        this.ledger = ledger;
        this.adjustments = adjustments;
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
        Map<String, Long> overdue = new LinkedHashMap<>();
        rectification.workOrderFacts(filter.scope(), filter.from(), filter.to(), Integer.MAX_VALUE).stream()
                .filter(PeriodReport::overdue).forEach(w -> overdue.merge(w.departmentCode(), 1L, Long::sum));
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
                    overdue.getOrDefault(d.code(), 0L), f.rectificationRate(), f.onTimeRectificationRate(),
                    f.realNameBad(), f.calledBack(), f.callbackRate()));
        }
        return rows;
    }

    /** Past its deadline and not rectified yet (a rectified or closed order is no longer overdue). */
    private static boolean overdue(WorkOrderFacts order) {
        return order.overdue() && (order.status() == WorkOrderStatus.RECTIFYING
                || order.status() == WorkOrderStatus.EXTENSION_REQUESTED);
    }

    /**
     * The appraisal per department and per staff member for the period (第十四条): the indicators, and for a year the
     * deductions the viewer may see.
     */
    AppraisalContents appraisal(Period period, StatsFilter scope, CurrentUser viewer) {
        StatsFilter filter = scope.between(period.from(), period.to());
        Map<String, Handling> byDepartment = new LinkedHashMap<>();
        handling(filter).forEach(h -> byDepartment.put(h.departmentCode(), h));
        Map<String, String> departmentNames = new LinkedHashMap<>();
        catalog.departments().forEach(d -> departmentNames.put(d.code(), d.name()));
        Map<String, String> staffDepartment = new LinkedHashMap<>();
        catalog.staffMembers().forEach(s -> staffDepartment.put(s.staffNo(), s.departmentCode()));
        List<AppraisalAdjustments.Deduction> deductions = period.kind() != Period.Kind.YEAR ? List.of()
                : adjustments.stream().flatMap(a -> a.of(period.from().getYear(), viewer).stream()).toList();
        Map<RankingSubject, List<Appraisal>> result = new LinkedHashMap<>();
        for (RankingSubject subject : List.of(RankingSubject.DEPARTMENT, RankingSubject.STAFF)) {
            Map<String, Integer> atBottom = new LinkedHashMap<>();
            supervision.targets(subject, period, scope).forEach(t -> atBottom.put(t.code(), t.consecutive()));
            List<Appraisal> rows = new ArrayList<>();
            for (Ranking.Row r : analytics.rank(subject, filter)) {
                String department = subject == RankingSubject.DEPARTMENT ? r.subjectCode()
                        : staffDepartment.get(r.subjectCode());
                List<AppraisalAdjustments.Deduction> against = deductions.stream()
                        .filter(d -> d.subject() == subject && d.subjectCode().equals(r.subjectCode())).toList();
                BigDecimal deducted = against.stream().map(AppraisalAdjustments.Deduction::points)
                        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
                double net = BigDecimal.valueOf(r.score()).subtract(deducted).setScale(2, RoundingMode.HALF_UP)
                        .doubleValue();
                rows.add(new Appraisal(r.subjectCode(), r.subjectName(),
                        department == null ? "" : departmentNames.getOrDefault(department, department), r,
                        subject == RankingSubject.DEPARTMENT ? byDepartment.get(r.subjectCode()) : null,
                        atBottom.getOrDefault(r.subjectCode(), 0), deducted, net,
                        against.stream().noneMatch(AppraisalAdjustments.Deduction::losesEligibility)));
            }
            result.put(subject, rows);
        }
        return new AppraisalContents(period, result, deductions);
    }
}
