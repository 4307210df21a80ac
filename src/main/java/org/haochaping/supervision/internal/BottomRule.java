package org.haochaping.supervision.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 第十五条: who is "at the bottom" and so proposed for key supervision. In one period a subject with at least
 * {@code minRatings} valid ratings is at the bottom when it is among the last {@code bottomCount} of the ranking (but
 * never more than half of those ranked, so a small field does not list everyone), or when its ranking score is below
 * {@code belowScore}; it is proposed when that holds for {@code consecutivePeriods} periods in a row ending with the
 * period proposed.
 */
public final class BottomRule {

    /** A subject proposed, with the reason in words. */
    public record Proposal(String code, String name, String reason) {
    }

    private final int bottomCount;
    private final BigDecimal belowScore;
    private final int consecutivePeriods;
    private final int minRatings;

    public BottomRule(int bottomCount, BigDecimal belowScore, int consecutivePeriods, int minRatings) {
        this.bottomCount = Math.max(0, bottomCount);
        this.belowScore = belowScore;
        this.consecutivePeriods = Math.max(1, consecutivePeriods);
        this.minRatings = Math.max(0, minRatings);
    }

    static BottomRule of(SupervisionSettings s) {
        return new BottomRule(s.bottomCount(), s.belowScore(), s.consecutivePeriods(), s.minRatings());
    }

    public int consecutivePeriods() {
        return consecutivePeriods;
    }

    /**
     * The subjects at the bottom in every one of the periods, given oldest first (each a ranking, best first), with
     * the reason; empty if fewer rankings than periods are given.
     */
    public List<Proposal> apply(List<String> periodLabels, List<List<Standings.Ranked>> rankings) {
        if (rankings.size() < consecutivePeriods) {
            return List.of();
        }
        Map<String, List<String>> reasons = null;
        Map<String, String> names = new LinkedHashMap<>();
        for (int p = rankings.size() - consecutivePeriods; p < rankings.size(); p++) {
            Map<String, String> bottom = bottom(rankings.get(p));
            rankings.get(p).forEach(r -> names.putIfAbsent(r.code(), r.name()));
            Map<String, List<String>> next = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : bottom.entrySet()) {
                if (reasons == null || reasons.containsKey(e.getKey())) {
                    List<String> why = new ArrayList<>(reasons == null ? List.of() : reasons.get(e.getKey()));
                    why.add(periodLabels.get(p) + e.getValue());
                    next.put(e.getKey(), why);
                }
            }
            reasons = next;
        }
        List<Proposal> proposals = new ArrayList<>();
        reasons.forEach((code, why) -> proposals.add(new Proposal(code, names.get(code),
                "连续 " + consecutivePeriods + " 期排名靠后：" + String.join("；", why))));
        return proposals;
    }

    /** The subjects at the bottom of one ranking, each with how (e.g. 第 5/5 名，得分 71.2). */
    Map<String, String> bottom(List<Standings.Ranked> ranking) {
        List<Standings.Ranked> ranked = ranking.stream().filter(r -> r.count() >= minRatings).toList();
        int n = ranked.size();
        int last = Math.min(bottomCount, n / 2);
        Map<String, String> bottom = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Standings.Ranked r = ranked.get(i);
            boolean inLast = i >= n - last;
            boolean below = belowScore != null && BigDecimal.valueOf(r.rankingScore()).compareTo(belowScore) < 0;
            if (inLast || below) {
                bottom.put(r.code(), "第 " + (i + 1) + "/" + n + " 名，得分 "
                        + BigDecimal.valueOf(r.rankingScore()).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString());
            }
        }
        return bottom;
    }
}
