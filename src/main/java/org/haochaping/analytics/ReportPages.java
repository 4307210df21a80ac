package org.haochaping.analytics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.Zones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The reports in the console: the periods to choose from, and a period's printable report. */
@Controller
class ReportPages {

    private final PeriodReport reports;
    private final Viewers viewers;
    private final AnalyticsSettings settings;
    private final Clock clock;

    ReportPages(PeriodReport reports, Viewers viewers, AnalyticsSettings settings, Clock clock) {
        this.reports = reports;
        this.viewers = viewers;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console/reports")
    String index(@AuthenticationPrincipal CurrentUser user, Model model) {
        viewers.statistics(user);
        model.addAttribute("periods", recent(clock));
        return "analytics/reports";
    }

    @GetMapping("/console/reports/{period}")
    String report(@PathVariable String period, @AuthenticationPrincipal CurrentUser user, Model model) {
        CurrentUser viewer = viewers.statistics(user);
        Period p = Period.parse(period);
        model.addAttribute("report", reports.of(p, viewers.filter(viewer, null, null, null, null, null, null)));
        model.addAttribute("settings", settings);
        model.addAttribute("rankingScore", Metrics.Metric.RANKING_SCORE);
        return "analytics/report";
    }

    /** Recent months, quarters and years, newest first within each kind. */
    static List<Period> recent(Clock clock) {
        java.time.LocalDate today = Zones.now(clock).toLocalDate();
        List<Period> periods = new ArrayList<>();
        for (Period.Kind kind : Period.Kind.values()) {
            List<Period> history = new ArrayList<>(Period.containing(kind, today)
                    .history(kind == Period.Kind.MONTH ? 12 : kind == Period.Kind.QUARTER ? 4 : 3));
            Collections.reverse(history);
            periods.addAll(history);
        }
        return periods;
    }
}
