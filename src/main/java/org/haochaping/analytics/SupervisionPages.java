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

/**
 * The key-supervision list (第十五条) and the concentrated bad ratings (第十二条) of a period.
 */
@Controller
class SupervisionPages {

    static final List<RankingSubject> SUBJECTS = List.of(RankingSubject.DEPARTMENT, RankingSubject.SERVICE_BODY,
            RankingSubject.STAFF, RankingSubject.ITEM);

    private final KeySupervision supervision;
    private final BadRatingClusters clusters;
    private final Viewers viewers;
    private final AnalyticsSettings settings;
    private final Clock clock;

    SupervisionPages(KeySupervision supervision, BadRatingClusters clusters, Viewers viewers,
            AnalyticsSettings settings, Clock clock) {
        this.supervision = supervision;
        this.clusters = clusters;
        this.viewers = viewers;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console/supervision")
    String page(@RequestParam(required = false) String subject, @RequestParam(required = false) String period,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        CurrentUser viewer = viewers.statistics(user);
        RankingSubject s = subject == null || subject.isBlank() ? RankingSubject.STAFF
                : StatsController.subject(subject);
        Period p = periodOrLastMonth(period);
        StatsFilter filter = viewers.filter(viewer, null, null, null, null, null, null);
        model.addAttribute("subjects", SUBJECTS);
        model.addAttribute("subject", s);
        model.addAttribute("period", p);
        model.addAttribute("periods", p.history(12));
        model.addAttribute("targets", supervision.targets(s, p, filter));
        model.addAttribute("clusters", clusters.clusters(filter.between(p.from(), p.to()), 3));
        model.addAttribute("settings", settings);
        return "analytics/supervision";
    }

    /** The period asked for, else the last complete month. */
    Period periodOrLastMonth(String period) {
        return period == null || period.isBlank()
                ? Period.containing(Period.Kind.MONTH, Zones.now(clock).toLocalDate()).previous()
                : Period.parse(period);
    }
}
