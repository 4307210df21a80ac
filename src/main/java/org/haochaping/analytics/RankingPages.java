package org.haochaping.analytics;

import java.time.Clock;
import java.util.List;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.Zones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The rankings in the console: per month, quarter or year, for each kind of subject, with the rule shown. */
@Controller
class RankingPages {

    static final List<RankingSubject> SUBJECTS = List.of(RankingSubject.DEPARTMENT, RankingSubject.SERVICE_BODY,
            RankingSubject.STAFF, RankingSubject.ITEM, RankingSubject.REGION);

    private final AnalyticsManagement analytics;
    private final Viewers viewers;
    private final Clock clock;

    RankingPages(AnalyticsManagement analytics, Viewers viewers, Clock clock) {
        this.analytics = analytics;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/console/rankings")
    String rankings(@RequestParam(required = false) String subject, @RequestParam(required = false) String period,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        CurrentUser viewer = viewers.statistics(user);
        RankingSubject s = subject == null || subject.isBlank() ? RankingSubject.DEPARTMENT
                : StatsController.subject(subject);
        Period p = period == null || period.isBlank()
                ? Period.containing(Period.Kind.MONTH, Zones.now(clock).toLocalDate()) : Period.parse(period);
        model.addAttribute("subjects", SUBJECTS);
        model.addAttribute("subject", s);
        model.addAttribute("period", p);
        model.addAttribute("periods", choices(p));
        model.addAttribute("ranking", analytics.ranking(s, p, viewers.filter(viewer, null, null, null, null, null, null)));
        model.addAttribute("score", Metrics.Metric.SCORE);
        model.addAttribute("rankingScore", Metrics.Metric.RANKING_SCORE);
        model.addAttribute("ratingRate", Metrics.Metric.RATING_RATE);
        return "analytics/rankings";
    }

    /** The recent months, quarters and years to choose from, around the shown period. */
    private List<Period> choices(Period shown) {
        java.time.LocalDate today = Zones.now(clock).toLocalDate();
        java.util.LinkedHashSet<Period> periods = new java.util.LinkedHashSet<>();
        for (Period.Kind kind : Period.Kind.values()) {
            List<Period> history = new java.util.ArrayList<>(Period.containing(kind, today)
                    .history(kind == Period.Kind.MONTH ? 12 : kind == Period.Kind.QUARTER ? 4 : 3));
            java.util.Collections.reverse(history);
            periods.addAll(history);
        }
        periods.add(shown);
        return List.copyOf(periods);
    }
}
