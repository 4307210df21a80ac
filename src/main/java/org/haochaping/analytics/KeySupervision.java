package org.haochaping.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * 第十五条: departments and staff whose results lag become key supervision targets; staff long at the bottom are
 * flagged for reassignment. A subject is "at the bottom" of a period when its ranking score falls in the lowest
 * {@code bottomShare} of the subjects ranked that period with at least {@code supervisionMinRatings} ratings; it is
 * listed after {@code bottomPeriods} consecutive such periods ending with the period shown.
 */
@Component
class KeySupervision {

    /** One period of a subject's history. */
    record Standing(String period, String periodLabel, Integer rank, int ranked, Double score, Double rankingScore,
            long count, boolean bottom) {
    }

    /** A subject on the list, with how long it has been at the bottom and its whole history. */
    record Target(RankingSubject subject, String code, String name, int consecutive, boolean reassign,
            List<Standing> history) {
    }

    private final AnalyticsManagement analytics;
    private final AnalyticsSettings settings;

    KeySupervision(AnalyticsManagement analytics, AnalyticsSettings settings) {
        this.analytics = analytics;
        this.settings = settings;
    }

    List<Target> targets(RankingSubject subject, Period latest, StatsFilter filter) {
        List<Period> periods = latest.history(settings.historyPeriods());
        Map<String, Map<String, Standing>> standings = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Period p : periods) {
            List<Ranking.Row> eligible = analytics.rank(subject, filter.between(p.from(), p.to())).stream()
                    .filter(r -> r.count() >= settings.supervisionMinRatings())
                    .sorted(Comparator.comparingInt(Ranking.Row::rank)).toList();
            int n = eligible.size();
            int bottomCount = n < 2 ? 0 : Math.max(1, (int) Math.ceil(n * settings.bottomShare()));
            for (int i = 0; i < n; i++) {
                Ranking.Row r = eligible.get(i);
                names.put(r.subjectCode(), r.subjectName());
                standings.computeIfAbsent(r.subjectCode(), k -> new LinkedHashMap<>()).put(p.code(),
                        new Standing(p.code(), p.label(), i + 1, n, r.score(), r.rankingScore(), r.count(),
                                i >= n - bottomCount));
            }
        }
        List<Target> targets = new ArrayList<>();
        standings.forEach((code, byPeriod) -> {
            List<Standing> history = new ArrayList<>();
            for (Period p : periods) {
                history.add(byPeriod.getOrDefault(p.code(),
                        new Standing(p.code(), p.label(), null, 0, null, null, 0, false)));
            }
            int consecutive = 0;
            for (int i = history.size() - 1; i >= 0 && history.get(i).bottom(); i--) {
                consecutive++;
            }
            if (consecutive >= settings.bottomPeriods()) {
                targets.add(new Target(subject, code, names.get(code), consecutive,
                        subject == RankingSubject.STAFF && consecutive >= settings.reassignAfter(), history));
            }
        });
        targets.sort(Comparator.comparingInt(Target::consecutive).reversed().thenComparing(Target::code));
        return targets;
    }
}
