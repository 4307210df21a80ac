package org.haochaping.analytics;

import java.time.LocalDate;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff statistics API: the summary and the rankings, within the caller's data scope (api.md). */
@RestController
class StatsController {

    private final AnalyticsManagement analytics;
    private final Viewers viewers;

    StatsController(AnalyticsManagement analytics, Viewers viewers) {
        this.analytics = analytics;
        this.viewers = viewers;
    }

    @GetMapping("/api/v1/stats/summary")
    Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String departmentCode,
            @AuthenticationPrincipal CurrentUser user) {
        CurrentUser viewer = viewers.statistics(user);
        return analytics.summary(viewers.filter(viewer, from, to, regionCode, departmentCode, null, null));
    }

    @GetMapping("/api/v1/rankings")
    Ranking rankings(@RequestParam(required = false) String subject, @RequestParam(required = false) String period,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String departmentCode,
            @AuthenticationPrincipal CurrentUser user) {
        CurrentUser viewer = viewers.statistics(user);
        RankingSubject s = subject(subject);
        Period p = Period.parse(period);
        return analytics.ranking(s, p, viewers.filter(viewer, null, null, regionCode, departmentCode, null, null));
    }

    static RankingSubject subject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw FieldProblem.of("subject", "请指定排名对象：DEPARTMENT、SERVICE_BODY、STAFF、ITEM 或 REGION");
        }
        try {
            return RankingSubject.valueOf(subject.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw FieldProblem.of("subject", "排名对象应为 DEPARTMENT、SERVICE_BODY、STAFF、ITEM 或 REGION");
        }
    }
}
