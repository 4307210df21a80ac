package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haochaping.analytics.RollupShape.Counting.CASES;
import static org.haochaping.analytics.RollupShape.Counting.LEVELS;
import static org.haochaping.analytics.RollupShape.Counting.RATINGS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.InvalidationReason;
import org.haochaping.identity.DataScope;
import org.haochaping.support.Await;
import org.haochaping.support.IntegrationTest;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff, item and channel cubes give exactly the figures of the fine rollup: the summary and the rankings of
 * staff, windows and items over a range of partial and whole months, before and after ratings leave the figures.
 */
class SubjectCubeTest extends IntegrationTest {

    @Autowired
    Rollups rollups;

    @Autowired
    AnalyticsManagement analytics;

    @Autowired
    EvaluationManagement evaluations;

    private static final List<String> GROUPINGS = List.of("", RankingSubject.STAFF.column("d"),
            RankingSubject.WINDOW.column("d"), RankingSubject.ITEM.column("d"), "d.channel");

    @Test
    void eachFigureReadsTheSmallestRollupThatHoldsIt() {
        StatsFilter all = StatsFilter.of(DataScope.everything(), null, null);
        assertThat(RollupShape.covering(all, null, LEVELS)).isEqualTo(RollupShape.CUBE);
        assertThat(RollupShape.covering(all, RankingSubject.REGION.column("d"), CASES)).isEqualTo(RollupShape.CUBE);
        assertThat(RollupShape.covering(all, RankingSubject.STAFF.column("d"), LEVELS)).isEqualTo(RollupShape.STAFF);
        assertThat(RollupShape.covering(all, RankingSubject.WINDOW.column("d"), CASES)).isEqualTo(RollupShape.STAFF);
        assertThat(RollupShape.covering(all, RankingSubject.ITEM.column("d"), LEVELS)).isEqualTo(RollupShape.ITEM);
        assertThat(RollupShape.covering(all, "d.channel", RATINGS)).isEqualTo(RollupShape.CHANNEL);
        assertThat(RollupShape.covering(all, "d.channel", LEVELS)).as("levels per channel")
                .isEqualTo(RollupShape.FINE);
        assertThat(RollupShape.covering(all, null, RATINGS)).isEqualTo(RollupShape.CUBE);
        assertThat(RollupShape.covering(all.staff("S1"), null, LEVELS)).isEqualTo(RollupShape.STAFF);
        assertThat(RollupShape.covering(all.staff("S1"), RankingSubject.ITEM.column("d"), LEVELS))
                .isEqualTo(RollupShape.FINE);
        assertThat(RollupShape.covering(all.item("I1"), "d.channel", RATINGS)).isEqualTo(RollupShape.FINE);
        assertThat(RollupShape.covering(all.window("W1"), null, CASES)).isEqualTo(RollupShape.STAFF);
        assertThat(RollupShape.covering(StatsFilter.of(new DataScope(null, null, null, "S1", false), null, null),
                null, LEVELS)).isEqualTo(RollupShape.STAFF);
    }

    @Test
    void staffAndItemFiguresFromTheCubesEqualTheFineRollup() {
        Place p = Place.create(jdbc);
        String[] levels = {"VERY_SATISFIED", "SATISFIED", "VERY_SATISFIED", "BASIC", "DISSATISFIED",
                "VERY_SATISFIED", "VERY_DISSATISFIED", "SATISFIED", "VERY_SATISFIED"};
        List<String> ids = new ArrayList<>();
        String[] staff = {p.staff1(), p.staff2(), p.staff3()};
        for (int i = 0; i < levels.length; i++) {
            ids.add(p.rated(api, staff[i % 3], i % 2 == 0 ? p.item1() : p.item2(), levels[i], null));
        }
        p.completedCase(api, p.staff3(), p.item2());
        p.completedDaysAgo(api, 40);
        // outside the 45 days below; in the same month as their first day on some dates, so taken off that month
        p.completedDaysAgo(api, 47);
        awaitFineRollup(p, 9, 0, 9);
        assertCubesEqualFine(p);
        assertRankedTogetherAsAlone(p);

        // staff1 rated cases 0, 3, 6: VERY_SATISFIED, BASIC, VERY_DISSATISFIED; an unrated case of 40 days ago
        StatsFilter lastMonths = StatsFilter.of(DataScope.everything(), today().minusDays(45), today())
                .department(p.department());
        Map<String, Ranking.Row> byStaff = rows(analytics.rank(RankingSubject.STAFF, lastMonths));
        assertThat(byStaff.get(p.staff1()).count()).isEqualTo(3);
        assertThat(byStaff.get(p.staff1()).bad()).isEqualTo(1);
        assertThat(byStaff.get(p.staff1()).completedCases()).isEqualTo(4);
        assertThat(byStaff.get(p.staff3()).completedCases()).isEqualTo(4);
        assertThat(rows(analytics.rank(RankingSubject.ITEM, lastMonths)).get(p.item1()).count()).isEqualTo(5);

        evaluations.invalidate(ids.get(6), InvalidationReason.MALICIOUS, "核实为恶意差评", "supervisor");
        evaluations.quarantine(ids.get(0), true, "疑似刷评");
        awaitFineRollup(p, 7, 2, 7);
        assertCubesEqualFine(p);
        assertRankedTogetherAsAlone(p);

        byStaff = rows(analytics.rank(RankingSubject.STAFF, lastMonths));
        assertThat(byStaff.get(p.staff1()).count()).isEqualTo(1);
        assertThat(byStaff.get(p.staff1()).bad()).isZero();
        assertThat(byStaff.get(p.staff1()).personRatings()).isEqualTo(1);
        assertThat(rows(analytics.rank(RankingSubject.ITEM, lastMonths)).get(p.item1()).count()).isEqualTo(3);
        Summary summary = analytics.summary(lastMonths);
        assertThat(summary.validTotal()).isEqualTo(7);
        assertThat(summary.excluded()).isEqualTo(2);
    }

    /** The dashboard's rankings read together (one query per rollup) equal each ranking read on its own. */
    private void assertRankedTogetherAsAlone(Place p) {
        List<RankingSubject> all = List.of(RankingSubject.values());
        for (StatsFilter f : List.of(StatsFilter.of(DataScope.everything(), today().minusDays(45), today())
                        .department(p.department()),
                StatsFilter.of(DataScope.everything(), null, null).region(p.region()))) {
            Map<RankingSubject, List<Ranking.Row>> together = analytics.rankAll(all, f);
            for (RankingSubject subject : all) {
                assertThat(together.get(subject)).as(subject + " " + f).isEqualTo(analytics.rank(subject, f))
                        .isNotEmpty();
            }
        }
    }

    private static LocalDate today() {
        return LocalDate.now(Zones.SHANGHAI);
    }

    private static Map<String, Ranking.Row> rows(List<Ranking.Row> rows) {
        Map<String, Ranking.Row> byCode = new java.util.HashMap<>();
        rows.forEach(r -> byCode.put(r.subjectCode(), r));
        return byCode;
    }

    /**
     * Waits until the events have reached the fine rollup: counted and left-out ratings of the department, and its
     * twelve completed cases with those rated by a person.
     */
    private void awaitFineRollup(Place p, long counted, long excluded, long personRated) {
        StatsFilter f = StatsFilter.of(DataScope.everything(), null, null).department(p.department());
        Await.until("the fine rollup of " + p.department(), () -> rollups.cells(RollupShape.FINE, f, null).stream()
                .mapToLong(Rollups.Cell::ratings).sum() == counted && rollups.excluded(RollupShape.FINE, f) == excluded
                && new Rollups.CaseCount(12, personRated).equals(rollups.cases(RollupShape.FINE, f, null).get("")));
    }

    /**
     * Every figure the summary and rankings read, from the rollup they pick and from the fine one, over a range of
     * partial months (daily tables), a year (monthly tables) and narrowed to one staff member, window or item.
     */
    private void assertCubesEqualFine(Place p) {
        List<StatsFilter> filters = new ArrayList<>();
        StatsFilter base = StatsFilter.of(DataScope.everything(), today().minusDays(45), today());
        filters.add(base.department(p.department()));
        filters.add(base.region(p.region()));
        filters.add(StatsFilter.of(DataScope.everything(), today().withDayOfYear(1).minusYears(1),
                today().withMonth(12).withDayOfMonth(31)).department(p.department()));
        filters.add(base.department(p.department()).staff(p.staff1()));
        filters.add(base.department(p.department()).window(p.window2()));
        filters.add(base.department(p.department()).item(p.item2()));
        for (StatsFilter f : filters) {
            for (String grouping : GROUPINGS) {
                String group = grouping.isEmpty() ? null : grouping;
                assertThat(sorted(rollups.cells(f, group))).as("ratings by %s under %s", group, f)
                        .isEqualTo(sorted(rollups.cells(RollupShape.FINE, f, group)));
                if (group == null || !group.contains("channel")) {
                    assertThat(nonZero(rollups.cases(f, group))).as("cases by %s under %s", group, f)
                            .isEqualTo(nonZero(rollups.cases(RollupShape.FINE, f, group)));
                }
            }
            assertThat(rollups.excluded(f)).isEqualTo(rollups.excluded(RollupShape.FINE, f));
            assertThat(rollups.byChannel(f)).isEqualTo(fineByChannel(f));
        }
    }

    private Map<String, Long> fineByChannel(StatsFilter f) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        rollups.cells(RollupShape.FINE, f, "d.channel").forEach(c -> counts.merge(c.subject(), c.ratings(), Long::sum));
        return counts;
    }

    private static Map<String, Rollups.CaseCount> nonZero(Map<String, Rollups.CaseCount> counts) {
        Map<String, Rollups.CaseCount> kept = new java.util.HashMap<>(counts);
        kept.values().removeIf(Rollups.CaseCount.NONE::equals);
        return kept;
    }

    private static List<Rollups.Cell> sorted(List<Rollups.Cell> cells) {
        return cells.stream().filter(c -> c.ratings() > 0)
                .sorted(Comparator.comparing((Rollups.Cell c) -> c.subject() + "|" + c.level() + "|" + c.defaulted()))
                .toList();
    }
}
