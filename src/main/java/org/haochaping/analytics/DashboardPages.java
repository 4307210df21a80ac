package org.haochaping.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Level;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.RegionCodes;
import org.haochaping.system.Zones;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The console's home: the dashboard of the viewer's scope — the metrics with their definitions, volume and levels
 * over time, by channel and by region, hall, department, window, staff and item, with a drill-down from the city
 * to a county, a hall and a window.
 */
@Controller
class DashboardPages {

    static final int TOP = 10;
    /** The breakdowns beside the drill-down (which is one of them); one read per rollup, the rollups side by side. */
    private static final List<RankingSubject> BREAKDOWNS = List.of(RankingSubject.REGION, RankingSubject.SERVICE_BODY,
            RankingSubject.DEPARTMENT, RankingSubject.WINDOW, RankingSubject.STAFF, RankingSubject.ITEM);

    private final AnalyticsManagement analytics;
    private final Viewers viewers;
    private final CatalogManagement catalog;
    private final JsonMapper json;
    private final Clock clock;
    private final DashboardReads reads;

    DashboardPages(AnalyticsManagement analytics, Viewers viewers, CatalogManagement catalog, JsonMapper json,
            Clock clock, DashboardReads reads) {
        this.reads = reads;
        this.analytics = analytics;
        this.viewers = viewers;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    /** A step of the drill-down path. */
    record Crumb(String label, String url) {
    }

    /** A breakdown: the ranking rows of one kind of subject under the filter, with a chart and drill links. */
    record Breakdown(String id, String title, List<Ranking.Row> rows, String chart, Map<String, String> links) {
    }

    @GetMapping("/console")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String regionCode, @RequestParam(required = false) String departmentCode,
            @RequestParam(required = false) String serviceBodyCode, @RequestParam(required = false) String windowCode,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        if (user == null || !user.readsRatings()) {
            return "redirect:/console/evaluations";
        }
        LocalDate today = Zones.now(clock).toLocalDate();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        StatsFilter filter = viewers.filter(user, start, end, regionCode, departmentCode, serviceBodyCode, windowCode);
        var summaryRead = reads.start(() -> analytics.summary(filter));
        var timeRead = reads.start(() -> timeChart(filter));
        var channelRead = reads.start(() -> channelChart(filter));
        var rankingReads = analytics.readTogether(BREAKDOWNS, filter).stream()
                .map(subjects -> reads.start(() -> analytics.rankAll(subjects, filter))).toList();
        Summary summary = DashboardReads.result(summaryRead);

        model.addAttribute("filter", filter);
        model.addAttribute("summary", summary);
        model.addAttribute("cards", Figures.cards(summary));
        model.addAttribute("levels", Level.values());
        model.addAttribute("regions", catalog.regions().stream()
                .filter(r -> user.scope().regionPrefix() == null || user.scope().regionPrefix().isEmpty()
                        || RegionCodes.covers(user.scope().regionPrefix(), r.code()))
                .toList());
        model.addAttribute("departments", catalog.departments().stream()
                .filter(d -> user.scope().departmentCode() == null || user.scope().departmentCode().equals(d.code()))
                .toList());
        model.addAttribute("timeChart", DashboardReads.result(timeRead));
        model.addAttribute("channelChart", DashboardReads.result(channelRead));
        model.addAttribute("crumbs", crumbs(filter));

        RankingSubject drill = drillSubject(filter);
        Map<RankingSubject, List<Ranking.Row>> rankings = new java.util.EnumMap<>(RankingSubject.class);
        rankingReads.forEach(read -> rankings.putAll(DashboardReads.result(read)));
        List<Breakdown> breakdowns = new ArrayList<>();
        breakdowns.add(breakdown(drill, rankings.get(drill), filter, true));
        for (RankingSubject s : BREAKDOWNS) {
            if (s != drill) {
                breakdowns.add(breakdown(s, rankings.get(s), filter, false));
            }
        }
        model.addAttribute("drill", breakdowns.get(0));
        model.addAttribute("breakdowns", breakdowns.subList(1, breakdowns.size()));
        model.addAttribute("definitions", Metrics.Metric.values());
        return "analytics/dashboard";
    }

    /** City → county → hall → window. */
    private RankingSubject drillSubject(StatsFilter f) {
        if (f.windowCode() != null) {
            return RankingSubject.STAFF;
        }
        if (f.serviceBodyCode() != null) {
            return RankingSubject.WINDOW;
        }
        if (f.regionCode() != null && RegionCodes.prefixOf(f.regionCode()).length() >= 6) {
            return RankingSubject.SERVICE_BODY;
        }
        return RankingSubject.REGION;
    }

    private Breakdown breakdown(RankingSubject subject, List<Ranking.Row> rows, StatsFilter filter, boolean drill) {
        Map<String, String> links = new LinkedHashMap<>();
        if (drill && subject != RankingSubject.STAFF) {
            for (Ranking.Row row : rows) {
                links.put(row.subjectCode(), link(filter, subject, row.subjectCode()));
            }
        }
        List<Ranking.Row> top = rows.stream()
                .sorted((a, b) -> Long.compare(b.count(), a.count())).limit(drill ? 50 : TOP).toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bars");
        chart.put("names", top.stream().map(Ranking.Row::subjectName).toList());
        chart.put("counts", top.stream().map(Ranking.Row::count).toList());
        chart.put("scores", top.stream().map(Ranking.Row::score).toList());
        chart.put("links", top.stream().map(r -> links.get(r.subjectCode())).toList());
        String title = drill ? "下钻：按" + subject.label() : "按" + subject.label();
        return new Breakdown("by-" + subject.name().toLowerCase().replace('_', '-'), title,
                drill ? rows : rows.stream().limit(TOP).toList(), json.writeValueAsString(chart), links);
    }

    private static String link(StatsFilter f, RankingSubject subject, String code) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/console")
                .queryParam("from", f.from()).queryParam("to", f.to());
        if (f.departmentCode() != null) {
            b.queryParam("departmentCode", f.departmentCode());
        }
        switch (subject) {
            case REGION -> b.queryParam("regionCode", code);
            case SERVICE_BODY -> {
                if (f.regionCode() != null) {
                    b.queryParam("regionCode", f.regionCode());
                }
                b.queryParam("serviceBodyCode", code);
            }
            case WINDOW -> {
                if (f.regionCode() != null) {
                    b.queryParam("regionCode", f.regionCode());
                }
                b.queryParam("serviceBodyCode", f.serviceBodyCode()).queryParam("windowCode", code);
            }
            default -> {
            }
        }
        return b.build().encode().toUriString();
    }

    private List<Crumb> crumbs(StatsFilter f) {
        List<Crumb> crumbs = new ArrayList<>();
        String base = "/console?from=" + f.from() + "&to=" + f.to()
                + (f.departmentCode() == null ? "" : "&departmentCode=" + f.departmentCode());
        crumbs.add(new Crumb("全部（本人数据范围）", base));
        if (f.regionCode() != null) {
            String name = catalog.region(f.regionCode()).map(CatalogManagement.Region::name).orElse(f.regionCode());
            base = base + "&regionCode=" + f.regionCode();
            crumbs.add(new Crumb(name, base));
        }
        if (f.serviceBodyCode() != null) {
            String name = catalog.serviceBody(f.serviceBodyCode()).map(CatalogManagement.ServiceBody::name)
                    .orElse(f.serviceBodyCode());
            base = base + "&serviceBodyCode=" + f.serviceBodyCode();
            crumbs.add(new Crumb(name, base));
        }
        if (f.windowCode() != null) {
            String name = catalog.window(f.windowCode()).map(CatalogManagement.Window::name).orElse(f.windowCode());
            crumbs.add(new Crumb(name, base + "&windowCode=" + f.windowCode()));
        }
        return crumbs;
    }

    /** Ratings per level per day (per month for ranges over three months). */
    private String timeChart(StatsFilter filter) {
        boolean monthly = ChronoUnit.DAYS.between(filter.from(), filter.to()) > 92;
        String group = monthly ? "substring(cast(d.stat_day as varchar), 1, 7)" : "cast(d.stat_day as varchar)";
        Map<String, Map<Level, Long>> byTime = new TreeMap<>();
        for (LocalDate d = filter.from(); !d.isAfter(filter.to()); d = d.plusDays(1)) {
            byTime.putIfAbsent(monthly ? d.toString().substring(0, 7) : d.toString(), new LinkedHashMap<>());
        }
        for (Rollups.Cell c : monthly ? analytics.rollups().cells(filter, group)
                : analytics.rollups().dailyCells(filter, group)) {
            byTime.computeIfAbsent(c.subject(), k -> new LinkedHashMap<>()).merge(c.level(), c.ratings(), Long::sum);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "levels-time");
        chart.put("x", new ArrayList<>(byTime.keySet()));
        List<Map<String, Object>> series = new ArrayList<>();
        for (Level l : Level.values()) {
            series.add(Map.of("name", l.label(), "level", l.name(),
                    "data", byTime.values().stream().map(m -> m.getOrDefault(l, 0L)).toList()));
        }
        chart.put("series", series);
        return json.writeValueAsString(chart);
    }

    private String channelChart(StatsFilter filter) {
        List<Map<String, Object>> data = new ArrayList<>();
        analytics.rollups().byChannel(filter).forEach((channel, n) -> {
            if (n > 0) {
                data.add(Map.of("name", label(channel), "value", n));
            }
        });
        return json.writeValueAsString(Map.of("kind", "pie", "data", data));
    }

    static String label(String channel) {
        try {
            return Channel.valueOf(channel).label();
        } catch (IllegalArgumentException e) {
            return channel;
        }
    }
}
