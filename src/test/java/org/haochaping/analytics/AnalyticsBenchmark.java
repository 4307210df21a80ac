package org.haochaping.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.PageClient;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * quality.md "Performance": the summary and the rankings over many ratings, against baselines measured in the same
 * run on the same machine — a trivial endpoint of the same server and a naive GROUP BY over the raw rating table.
 * Not part of the default run; run with {@code -Pbench} (and {@code -Ppostgres,bench} on PostgreSQL), size with
 * {@code -Dhcp.bench.ratings=10000000} (the default on PostgreSQL; 50,000 on H2; 0 measures what an earlier run left
 * in the database). Prints medians, p95 and ratios; writes them to target/bench/.
 */
@Tag("bench")
class AnalyticsBenchmark extends IntegrationTest {

    static final int WARMUP = 5;
    static final int RUNS = 40;

    @Autowired
    DataSource dataSource;

    @Autowired
    Rollups rollups;

    @Autowired
    AnalyticsManagement analytics;

    private final List<String> lines = new ArrayList<>();

    record Timing(String name, double median, double p95) {
    }

    @Test
    void summaryAndRankingsAgainstANaiveGroupByAndATrivialEndpoint() throws IOException, java.sql.SQLException {
        String database;
        try (java.sql.Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
        int ratings = Integer.getInteger("hcp.bench.ratings", database.startsWith("PostgreSQL") ? 10_000_000 : 50_000);
        long loadStart = System.nanoTime();
        // 0: measure the ratings a previous run left in the database (after a change to the queries only)
        if (ratings > 0) {
            load(ratings);
        }
        long loaded = System.nanoTime();
        if (ratings > 0) {
            rollups.rebuild();
        }
        long rebuilt = System.nanoTime();
        jdbc.sql("analyze").update();
        long analyzed = System.nanoTime();
        long raw = count("evaluation_evaluation");
        say("database: %s", database);
        say("ratings generated: %,d (raw table now %,d rows); load %.1f s, rollup rebuild %.1f s, analyze %.1f s",
                ratings, raw, (loaded - loadStart) / 1e9, (rebuilt - loaded) / 1e9, (analyzed - rebuilt) / 1e9);
        for (RollupShape shape : RollupShape.values()) {
            say("rollup rows, %-7s daily %,10d, monthly %,9d%s", shape.name().toLowerCase(Locale.ROOT) + ":",
                    count(shape.ratings("daily")), count(shape.ratings("monthly")), shape.hasCases()
                            ? String.format(Locale.ROOT, "; cases daily %,10d, monthly %,9d",
                                    count(shape.cases("daily")), count(shape.cases("monthly")))
                            : "");
        }

        LocalDate today = LocalDate.now(Zones.SHANGHAI);
        Period year = Period.containing(Period.Kind.YEAR, today.minusMonths(1));
        Period month = Period.containing(Period.Kind.MONTH, today).previous();
        LocalDate from = today.minusDays(364);
        String token = api.login("supervisor");
        PageClient console = PageClient.signedIn(baseUrl(), "supervisor");

        List<Timing> timings = new ArrayList<>();
        Timing trivial = time("baseline: GET /actuator/health (HTTP)", () -> api.get("/actuator/health").status());
        timings.add(trivial);
        Timing naiveSummary = time("baseline: naive GROUP BY level over the raw table, 365 days (JDBC)", () -> jdbc.sql(
                "select level, defaulted, count(*) from evaluation_evaluation where submitted_at >= :f and submitted_at < :t"
                        + " and valid and not quarantined group by level, defaulted")
                .param("f", from.atStartOfDay(Zones.SHANGHAI).toOffsetDateTime())
                .param("t", today.plusDays(1).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime()).query().listOfRows());
        timings.add(naiveSummary);
        timings.add(time("baseline: naive GROUP BY staff, level over the raw table, the year (JDBC)", () -> jdbc.sql(
                "select staff_no, level, count(*) from evaluation_evaluation where submitted_at >= :f and submitted_at < :t"
                        + " and valid and not quarantined group by staff_no, level")
                .param("f", year.from().atStartOfDay(Zones.SHANGHAI).toOffsetDateTime())
                .param("t", year.to().plusDays(1).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime()).query().listOfRows()));
        timings.add(time("rollup: summary, 365 days (in process)", () -> analytics.summary(
                org.haochaping.identity.DataScope.everything(), from, today, null, null)));
        timings.add(time("GET /api/v1/stats/summary, 365 days", () -> ok(api.bearer(token, "GET",
                "/api/v1/stats/summary?from=" + from + "&to=" + today, null))));
        timings.add(time("GET /api/v1/stats/summary, the year " + year.code(), () -> ok(api.bearer(token, "GET",
                "/api/v1/stats/summary?from=" + year.from() + "&to=" + year.to(), null))));
        timings.add(time("GET /api/v1/stats/summary, month " + month.code() + ", one county", () -> ok(api.bearer(token,
                "GET", "/api/v1/stats/summary?from=" + month.from() + "&to=" + month.to() + "&regionCode=411002", null))));
        // the dashboard: summary, series by day (or month) and by channel, and six breakdowns by subject
        timings.add(time("GET /console (dashboard), the last 30 days", () -> ok(console.get("/console"))));
        timings.add(time("GET /console (dashboard), the year " + year.code(), () -> ok(console.get(
                "/console?from=" + year.from() + "&to=" + year.to()))));
        for (RankingSubject subject : RankingSubject.values()) {
            for (Period period : List.of(month, year)) {
                timings.add(time("GET /api/v1/rankings?subject=" + subject + "&period=" + period.code(),
                        () -> ok(api.bearer(token, "GET", "/api/v1/rankings?subject=" + subject + "&period="
                                + period.code(), null))));
            }
        }

        say("");
        say("%-78s %10s %10s %12s %12s", "measured", "median ms", "p95 ms", "÷ trivial", "÷ naive sum");
        for (Timing t : timings) {
            say("%-78s %10.1f %10.1f %12.1f %12.3f", t.name(), t.median(), t.p95(), t.median() / trivial.median(),
                    t.median() / naiveSummary.median());
        }
        Path out = Path.of("target", "bench", "analytics.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static int ok(TestApi.Answer answer) {
        return ok(answer.status(), answer.body());
    }

    private static int ok(PageClient.Page page) {
        return ok(page.status(), page.body());
    }

    private static int ok(int status, String body) {
        if (status != 200) {
            throw new IllegalStateException(status + " " + body);
        }
        return body.length();
    }

    private Timing time(String name, Supplier<?> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new Timing(name, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1]);
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        lines.add(line);
    }

    /**
     * A year of ratings for a city: 40 departments in 10 regions, 20 halls, 200 windows, 600 staff handling two items
     * each of 300; levels and channels skewed as in practice; 2 % system defaults, 0.5 % invalid; a fifth more cases
     * than ratings. Generated by the database itself from a series of numbers (each row's choices are fixed hashes of
     * its number), in steps of a million, into the rating table; analytics' read model is filled from it as the
     * migration does (the events would take days). The same statements run on PostgreSQL and H2.
     */
    private void load(int ratings) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        OffsetDateTime midnight = LocalDate.now(Zones.SHANGHAI).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime();
        int cases = ratings / 5 * 6;
        for (long lo = 1; lo <= cases; lo += STEP) {
            long hi = Math.min(cases, lo + STEP - 1);
            long rated = Math.min(hi, ratings);
            if (lo <= rated) {
                jdbc.sql("""
                        insert into evaluation_evaluation (id, case_no, level, channel, item_code, item_name,
                            department_code, service_body_code, window_code, staff_no, region_code, submitted_at,
                            recorded_at, defaulted, valid)
                        select id, case_no, level, channel, item_code, '事项' || item_code, department_code,
                            service_body_code, window_code, staff_no, region_code, submitted_at, :midnight, defaulted,
                            valid
                        from (%s) generated
                        """.formatted(GENERATED)).param("lo", lo).param("hi", rated).param("run", run)
                        .param("midnight", midnight).update();
            }
            jdbc.sql("""
                    insert into analytics_case (case_no, stat_day, region_code, department_code, service_body_code,
                        window_code, staff_no, item_code, person_rated)
                    select case_no, cast((submitted_at at time zone 'Asia/Shanghai') as date), region_code,
                        department_code, service_body_code, window_code, staff_no, item_code,
                        g <= :ratings and valid and not defaulted
                    from (%s) generated
                    """.formatted(GENERATED)).param("lo", lo).param("hi", hi).param("run", run)
                    .param("midnight", midnight).param("ratings", ratings).update();
            System.out.printf(Locale.ROOT, "generated %,d of %,d cases%n", hi, cases);
        }
        jdbc.sql("""
                insert into analytics_rating (evaluation_id, case_no, stat_day, region_code, department_code,
                    service_body_code, window_code, staff_no, item_code, level, channel, defaulted, counted,
                    has_comment)
                select id, case_no, cast((submitted_at at time zone 'Asia/Shanghai') as date), region_code,
                    department_code, coalesce(service_body_code, ''), coalesce(window_code, ''),
                    coalesce(staff_no, ''), item_code, level, channel, defaulted, valid and not quarantined,
                    comment is not null
                from evaluation_evaluation where case_no like :run
                """).param("run", "B" + run + "%").update();
    }

    static final int STEP = 1_000_000;

    /**
     * Cases {@code :lo} to {@code :hi} of run {@code :run}: four hashes of the case's number g (multiplicative,
     * modulo 2^32) choose its staff member (and so window, hall, department and region), item, day, time, level,
     * channel, and whether it was a system default or found invalid.
     */
    static final String GENERATED = """
            select g, 'B' || :run || lpad(cast(g as varchar), 9, '0') as case_no,
                'b' || :run || '-' || lpad(cast(g as varchar), 9, '0') as id,
                case when defaulted then 'BASIC' when roll < 62 then 'VERY_SATISFIED' when roll < 85 then 'SATISFIED'
                    when roll < 93 then 'BASIC' when roll < 97 then 'DISSATISFIED' else 'VERY_DISSATISFIED' end as level,
                case when defaulted then 'SYSTEM_DEFAULT' when chan < 3 then 'WINDOW_DEVICE' when chan < 5 then 'QR'
                    when chan = 5 then 'PC' when chan < 8 then 'MOBILE' when chan = 8 then 'TERMINAL'
                    when chan = 9 then 'SMS' else 'PHONE' end as channel,
                'BI' || lpad(cast(mod(staff * 2 + second_item, 300) as varchar), 3, '0') as item_code,
                'BD' || lpad(cast(mod(staff, 40) as varchar), 2, '0') as department_code,
                'BB' || lpad(cast(staff / 30 as varchar), 2, '0') as service_body_code,
                'BW' || lpad(cast(staff / 3 as varchar), 3, '0') as window_code,
                'BS' || lpad(cast(staff as varchar), 4, '0') as staff_no,
                case mod(mod(staff, 40), 10) when 0 then '411000' when 1 then '411002' when 2 then '411003'
                    when 3 then '411024' when 4 then '411025' when 5 then '411081' when 6 then '411082'
                    when 7 then '411071' when 8 then '411090' else '411091' end as region_code,
                cast(:midnight as timestamp with time zone) - days_ago * interval '1' day
                    + (480 + at_minute) * interval '1' minute as submitted_at,
                defaulted, valid
            from (select g, mod(h1 / 4096, 600) as staff, mod(h1 / 256, 2) as second_item,
                    mod(h2 / 1024, 365) as days_ago, mod(h3 / 1024, 600) as at_minute, mod(h3 / 65536, 100) as roll,
                    mod(h4 / 131072, 11) as chan, mod(h4, 100) < 2 as defaulted, mod(h4 / 128, 1000) >= 5 as valid
                from (select g, mod(g * 2654435761, 4294967296) as h1,
                        mod(g * 2246822519 + 374761393, 4294967296) as h2,
                        mod(g * 3266489917 + 668265263, 4294967296) as h3,
                        mod(g * 668265263 + 2654435761, 4294967296) as h4
                    from generate_series(cast(:lo as bigint), cast(:hi as bigint)) as s(g)) hashes) choices
            """;
}
