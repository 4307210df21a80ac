package org.haochaping.analytics;

import java.util.List;
import java.util.Map;

import org.haochaping.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rest of the statistics API: key supervision, concentrated bad ratings and comment analysis (staff, bearer),
 * publishing a period (the city government office) and the public open data (no login).
 */
@RestController
class AnalyticsApi {

    private final KeySupervision supervision;
    private final BadRatingClusters clusters;
    private final CommentInsights insights;
    private final Publications publications;
    private final PublicDisclosure disclosure;
    private final SupervisionPages supervisionPages;
    private final CommentPages commentPages;
    private final Viewers viewers;

    AnalyticsApi(KeySupervision supervision, BadRatingClusters clusters, CommentInsights insights,
            Publications publications, PublicDisclosure disclosure, SupervisionPages supervisionPages,
            CommentPages commentPages, Viewers viewers) {
        this.supervision = supervision;
        this.clusters = clusters;
        this.insights = insights;
        this.publications = publications;
        this.disclosure = disclosure;
        this.supervisionPages = supervisionPages;
        this.commentPages = commentPages;
        this.viewers = viewers;
    }

    @GetMapping("/api/v1/stats/key-supervision")
    List<KeySupervision.Target> keySupervision(@RequestParam(required = false) String subject,
            @RequestParam(required = false) String period, @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String departmentCode, @AuthenticationPrincipal CurrentUser user) {
        CurrentUser viewer = viewers.statistics(user);
        return supervision.targets(StatsController.subject(subject), supervisionPages.periodOrLastMonth(period),
                viewers.filter(viewer, null, null, regionCode, departmentCode, null, null));
    }

    @GetMapping("/api/v1/stats/bad-clusters")
    List<BadRatingClusters.Cluster> badClusters(@RequestParam(required = false) String period,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String departmentCode,
            @AuthenticationPrincipal CurrentUser user) {
        CurrentUser viewer = viewers.statistics(user);
        Period p = supervisionPages.periodOrLastMonth(period);
        return clusters.clusters(viewers.filter(viewer, p.from(), p.to(), regionCode, departmentCode, null, null), 3);
    }

    @GetMapping("/api/v1/stats/comments")
    CommentInsights.Insights comments(@RequestParam(required = false) String period,
            @RequestParam(required = false) String departmentCode, @RequestParam(required = false) String itemCode,
            @AuthenticationPrincipal CurrentUser user) {
        return insights.of(commentPages.periodOrThisMonth(period), commentPages.filter(user, departmentCode, itemCode));
    }

    @PostMapping("/api/v1/publications/{period}")
    Publications.Publication publish(@PathVariable String period, @AuthenticationPrincipal CurrentUser user) {
        CurrentUser office = viewers.cityOffice(user);
        return publications.publish(Period.parse(period), office.username());
    }

    @DeleteMapping("/api/v1/publications/{period}")
    Map<String, String> withdraw(@PathVariable String period, @AuthenticationPrincipal CurrentUser user) {
        viewers.cityOffice(user);
        Period p = Period.parse(period);
        publications.withdraw(p);
        return Map.of("period", p.code(), "status", "WITHDRAWN");
    }

    @GetMapping("/api/v1/public/summary")
    PublicSummary publicSummary(@RequestParam(required = false) String period) {
        return period == null || period.isBlank() ? disclosure.latest() : disclosure.of(Period.parse(period));
    }
}
