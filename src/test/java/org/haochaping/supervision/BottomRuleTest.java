package org.haochaping.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.haochaping.supervision.internal.BottomRule;
import org.haochaping.supervision.internal.Standings.Ranked;
import org.junit.jupiter.api.Test;

/** 第十五条: who is at the bottom of the rankings for long enough to be proposed for key supervision. */
class BottomRuleTest {

    static Ranked r(String code, double score, long count) {
        return new Ranked(code, code + "名", score, score, count);
    }

    static final List<String> TWO = List.of("10月", "11月");

    @Test
    void theLastThreeForTwoConsecutivePeriodsAreProposed() {
        BottomRule rule = new BottomRule(3, null, 2, 5);
        List<Ranked> october = List.of(r("A", 95, 50), r("B", 93, 50), r("C", 91, 50), r("D", 90, 50), r("E", 88, 50),
                r("F", 80, 50), r("G", 70, 50));
        List<Ranked> november = List.of(r("A", 95, 50), r("F", 93, 50), r("B", 91, 50), r("C", 90, 50), r("D", 88, 50),
                r("E", 80, 50), r("G", 70, 50));
        List<BottomRule.Proposal> proposals = rule.apply(TWO, List.of(october, november));
        assertThat(proposals).extracting(BottomRule.Proposal::code).as("F recovered in November").containsExactly("E", "G");
        assertThat(proposals.get(1).reason()).contains("连续 2 期", "10月第 7/7 名", "11月第 7/7 名");
    }

    @Test
    void neverMoreThanHalfOfASmallFieldIsAtTheBottom() {
        BottomRule rule = new BottomRule(3, null, 1, 5);
        List<BottomRule.Proposal> proposals = rule.apply(List.of("11月"),
                List.of(List.of(r("A", 95, 50), r("B", 90, 50), r("C", 80, 50))));
        assertThat(proposals).extracting(BottomRule.Proposal::code).containsExactly("C");
        assertThat(rule.apply(List.of("11月"), List.of(List.of(r("A", 95, 50))))).as("one alone is not lagging").isEmpty();
    }

    @Test
    void aScoreBelowTheThresholdCountsAsBottomWhateverTheRank() {
        BottomRule rule = new BottomRule(0, new BigDecimal("85"), 1, 5);
        List<BottomRule.Proposal> proposals = rule.apply(List.of("11月"),
                List.of(List.of(r("A", 95, 50), r("B", 84.9, 50), r("C", 84, 50), r("D", 86, 50))));
        assertThat(proposals).extracting(BottomRule.Proposal::code).containsExactly("B", "C");
    }

    @Test
    void subjectsWithTooFewRatingsAreNotRankedForTheRule() {
        BottomRule rule = new BottomRule(1, null, 1, 5);
        List<BottomRule.Proposal> proposals = rule.apply(List.of("11月"),
                List.of(List.of(r("A", 95, 50), r("B", 90, 50), r("C", 10, 4))));
        assertThat(proposals).extracting(BottomRule.Proposal::code).containsExactly("B");
    }

    @Test
    void withoutEnoughPeriodsNobodyIsProposed() {
        BottomRule rule = new BottomRule(1, null, 3, 5);
        List<Ranked> ranking = List.of(r("A", 95, 50), r("B", 60, 50));
        assertThat(rule.apply(TWO, List.of(ranking, ranking))).isEmpty();
        assertThat(rule.apply(List.of("9月", "10月", "11月"), List.of(ranking, ranking, ranking)))
                .extracting(BottomRule.Proposal::code).containsExactly("B");
    }
}
