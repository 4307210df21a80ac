package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.haochaping.evaluation.Level;
import org.junit.jupiter.api.Test;

/** The metrics of domain §6 and the fair ranking of §8, on plain numbers. */
class MetricsTest {

    private static Metrics.LevelCounts counts(long verySatisfied, long satisfied, long basic, long dissatisfied,
            long veryDissatisfied) {
        Map<Level, Long> m = new EnumMap<>(Level.class);
        m.put(Level.VERY_SATISFIED, verySatisfied);
        m.put(Level.SATISFIED, satisfied);
        m.put(Level.BASIC, basic);
        m.put(Level.DISSATISFIED, dissatisfied);
        m.put(Level.VERY_DISSATISFIED, veryDissatisfied);
        return new Metrics.LevelCounts(m);
    }

    @Test
    void satisfactionCountsTheThreeGoodLevelsAndBadRateTheTwoBadOnesOverValidRatings() {
        Metrics.LevelCounts c = counts(50, 30, 10, 6, 4);
        assertThat(c.total()).isEqualTo(100);
        assertThat(Metrics.satisfactionRate(c)).isEqualTo(0.90);
        assertThat(Metrics.badRate(c)).isEqualTo(0.10);
        assertThat(Metrics.satisfactionRate(c) + Metrics.badRate(c)).isEqualTo(1.0);
    }

    @Test
    void ratesWithNothingToDivideByAreAbsentNotZero() {
        assertThat(Metrics.satisfactionRate(Metrics.LevelCounts.none())).isNull();
        assertThat(Metrics.activeRate(0, 0)).isNull();
        assertThat(Metrics.activeRate(0, 5)).isEqualTo(0.0);
        assertThat(Metrics.score(Metrics.LevelCounts.none(), Metrics.Points.standard())).isNull();
    }

    @Test
    void activeRateIsPersonRatingsOverCompletedCases() {
        assertThat(Metrics.activeRate(30, 40)).isEqualTo(0.75);
    }

    @Test
    void scoreIsTheMeanOfLevelPoints() {
        // 100 + 80 + 60 + 20 + 0 = 260 over 5 ratings
        assertThat(Metrics.score(counts(1, 1, 1, 1, 1), Metrics.Points.standard())).isEqualTo(52.0);
        assertThat(Metrics.score(counts(3, 0, 0, 0, 0), Metrics.Points.standard())).isEqualTo(100.0);
    }

    @Test
    void rankingScoreShrinksASmallSampleTowardTheMean() {
        assertThat(Metrics.rankingScore(0, 0, 90, 30)).isEqualTo(90.0);
        assertThat(Metrics.rankingScore(3, 100, 90, 30)).isCloseTo(90.909, within(0.001));
        assertThat(Metrics.rankingScore(30_000, 95, 90, 30)).isCloseTo(95.0, within(0.01));
    }

    @Test
    void everyMetricHasADefinitionShownByItsFieldName() {
        Map<String, String> definitions = Metrics.definitions();
        assertThat(definitions).containsKeys("validTotal", "defaults", "satisfactionRate", "badRate", "activeRate",
                "rectificationRate", "onTimeRectificationRate", "callbackRate", "score", "rankingScore", "ratingRate");
        assertThat(definitions.get("activeRate")).contains("主动评价率", "不含系统默认评价", "办结");
        assertThat(definitions.get("validTotal")).contains("含系统默认评价");
        assertThat(definitions.values()).allSatisfy(d -> assertThat(d).contains("："));
    }

    @Test
    void aWindowWithThreePerfectRatingsDoesNotOutrankOneWithThreeThousandAveragingNinetyFive() {
        List<AnalyticsManagement.Scored> subjects = new ArrayList<>();
        subjects.add(new AnalyticsManagement.Scored("LUCKY", counts(3, 0, 0, 0, 0)));
        // 2250 × 100 + 750 × 80 = 285000 points over 3000 ratings: mean 95
        subjects.add(new AnalyticsManagement.Scored("BUSY", counts(2250, 750, 0, 0, 0)));
        // the rest of a city: means of 85 to 90
        subjects.add(new AnalyticsManagement.Scored("A", counts(300, 400, 200, 50, 50)));
        subjects.add(new AnalyticsManagement.Scored("B", counts(900, 600, 300, 100, 100)));
        subjects.add(new AnalyticsManagement.Scored("C", counts(400, 400, 100, 50, 10)));

        List<Ranking.Row> rows = AnalyticsManagement.rankRows(subjects, Metrics.Points.standard(), 30, Map.of(),
                Map.of(), null);

        assertThat(rows.get(0).subjectCode()).isEqualTo("BUSY");
        Ranking.Row lucky = rows.stream().filter(r -> r.subjectCode().equals("LUCKY")).findFirst().orElseThrow();
        Ranking.Row busy = rows.get(0);
        assertThat(lucky.score()).as("raw mean").isEqualTo(100.0);
        assertThat(busy.score()).isEqualTo(95.0);
        assertThat(lucky.rank()).isGreaterThan(busy.rank());
        assertThat(lucky.rankingScore()).isLessThan(busy.rankingScore());
        assertThat(lucky.count()).isEqualTo(3);
        assertThat(busy.count()).isEqualTo(3000);
        assertThat(rows).extracting(Ranking.Row::rank).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void rankingScoresFollowTheFormulaWithThePooledMean() {
        List<AnalyticsManagement.Scored> subjects = List.of(
                new AnalyticsManagement.Scored("X", counts(2, 0, 0, 0, 0)),
                new AnalyticsManagement.Scored("Y", counts(0, 0, 8, 0, 0)));
        // pooled mean C = (200 + 480) / 10 = 68
        List<Ranking.Row> rows = AnalyticsManagement.rankRows(subjects, Metrics.Points.standard(), 30,
                Map.of("X", new Rollups.CaseCount(4, 2)), Map.of("X", "窗口甲"), null);
        Ranking.Row x = rows.stream().filter(r -> r.subjectCode().equals("X")).findFirst().orElseThrow();
        assertThat(x.rankingScore()).isEqualTo(AnalyticsManagement.round((2 * 100 + 30 * 68.0) / 32));
        assertThat(x.subjectName()).isEqualTo("窗口甲");
        assertThat(x.ratingRate()).isEqualTo(0.5);
        Ranking.Row y = rows.stream().filter(r -> r.subjectCode().equals("Y")).findFirst().orElseThrow();
        assertThat(y.rankingScore()).isEqualTo(AnalyticsManagement.round((8 * 60 + 30 * 68.0) / 38));
        assertThat(y.ratingRate()).as("no completed cases known").isNull();
    }
}
