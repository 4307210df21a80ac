package org.haochaping.analytics;

import java.time.Clock;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.Zones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 群众声音: the comment analysis of a period, for a department or an item. */
@Controller
class CommentPages {

    private final CommentInsights insights;
    private final Viewers viewers;
    private final Clock clock;

    CommentPages(CommentInsights insights, Viewers viewers, Clock clock) {
        this.insights = insights;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/console/comments")
    String page(@RequestParam(required = false) String period, @RequestParam(required = false) String departmentCode,
            @RequestParam(required = false) String itemCode, @AuthenticationPrincipal CurrentUser user, Model model) {
        Period p = periodOrThisMonth(period);
        model.addAttribute("period", p);
        model.addAttribute("periods", p.history(12));
        model.addAttribute("departmentCode", departmentCode);
        model.addAttribute("itemCode", itemCode);
        model.addAttribute("insights", insights.of(p, filter(user, departmentCode, itemCode)));
        return "analytics/comments";
    }

    StatsFilter filter(CurrentUser user, String departmentCode, String itemCode) {
        CurrentUser viewer = viewers.statistics(user);
        return viewers.filter(viewer, null, null, null, departmentCode, null, null).item(itemCode);
    }

    Period periodOrThisMonth(String period) {
        return period == null || period.isBlank()
                ? Period.containing(Period.Kind.MONTH, Zones.now(clock).toLocalDate()) : Period.parse(period);
    }
}
