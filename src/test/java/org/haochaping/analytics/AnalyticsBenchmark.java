package org.haochaping.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * quality.md "Performance": the summary and the rankings over many ratings, against baselines measured in the same
 * run on the same machine — a trivial endpoint of the same server and a naive GROUP BY over the raw rating table.
 * Not part of the default run; run with {@code -Pbench} (and {@code -Ppostgres,bench} on PostgreSQL), size with
 * {@code -Dhcp.bench.ratings=200000}. Prints medians, p95 and ratios; writes them to target/bench/.
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
        int ratings = Integer.getInteger("hcp.bench.ratings", 200_000);
        long loadStart = System.nanoTime();
        load(ratings);
        long loaded = System.nanoTime();
        rollups.rebuild();
        long rebuilt = System.nanoTime();
        long dailyRows = jdbc.sql("select count(*) from analytics_daily").query(Long.class).single();
        long monthlyRows = jdbc.sql("select count(*) from analytics_monthly").query(Long.class).single();
        long raw = jdbc.sql("select count(*) from evaluation_evaluation").query(Long.class).single();
        try (java.sql.Connection connection = dataSource.getConnection()) {
            say("database: %s %s", connection.getMetaData().getDatabaseProductName(),
                    connection.getMetaData().getDatabaseProductVersion());
        }
        say("ratings generated: %,d (raw table now %,d rows); load %.1f s, rollup rebuild %.1f s", ratings, raw,
                (loaded - loadStart) / 1e9, (rebuilt - loaded) / 1e9);
        say("rollup rows: daily %,d, monthly %,d", dailyRows, monthlyRows);

        LocalDate today = LocalDate.now(Zones.SHANGHAI);
        Period year = Period.containing(Period.Kind.YEAR, today.minusMonths(1));
        Period month = Period.containing(Period.Kind.MONTH, today).previous();
        LocalDate from = today.minusDays(364);
        String token = api.login("supervisor");

        List<Timing> timings = new ArrayList<>();
        Timing trivial = time("baseline: GET /actuator/health (HTTP)", () -> api.get("/actuator/health").status());
        timings.add(trivial);
        Timing naiveSummary = time("baseline: naive GROUP BY level over the raw table, 365 days (JDBC)", () -> jdbc.sql(
                "select level, defaulted, count(*) from evaluation_evaluation where submitted_at >= :f and submitted_at < :t"
                        + " and valid and not quarantined group by level, defaulted")
                .param("f", from.atStartOfDay(Zones.SHANGHAI).toOffsetDateTime())
                .param("t", today.plusDays(1).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime()).query().listOfRows());
        timings.add(naiveSummary);
        Timing naiveRanking = time("baseline: naive GROUP BY staff, level over the raw table, the year (JDBC)", () -> jdbc.sql(
                "select staff_no, level, count(*) from evaluation_evaluation where submitted_at >= :f and submitted_at < :t"
                        + " and valid and not quarantined group by staff_no, level")
                .param("f", year.from().atStartOfDay(Zones.SHANGHAI).toOffsetDateTime())
                .param("t", year.to().plusDays(1).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime()).query().listOfRows());
        timings.add(naiveRanking);
        timings.add(time("rollup: summary, 365 days (in process)", () -> analytics.summary(
                org.haochaping.identity.DataScope.everything(), from, today, null, null)));
        timings.add(time("GET /api/v1/stats/summary, 365 days", () -> ok(api.bearer(token, "GET",
                "/api/v1/stats/summary?from=" + from + "&to=" + today, null))));
        timings.add(time("GET /api/v1/stats/summary, the year " + year.code(), () -> ok(api.bearer(token, "GET",
                "/api/v1/stats/summary?from=" + year.from() + "&to=" + year.to(), null))));
        timings.add(time("GET /api/v1/stats/summary, month " + month.code() + ", one county", () -> ok(api.bearer(token,
                "GET", "/api/v1/stats/summary?from=" + month.from() + "&to=" + month.to() + "&regionCode=411002", null))));
        timings.add(time("GET /api/v1/rankings?subject=DEPARTMENT&period=" + month.code(), () -> ok(api.bearer(token,
                "GET", "/api/v1/rankings?subject=DEPARTMENT&period=" + month.code(), null))));
        timings.add(time("GET /api/v1/rankings?subject=STAFF&period=" + year.code(), () -> ok(api.bearer(token, "GET",
                "/api/v1/rankings?subject=STAFF&period=" + year.code(), null))));
        timings.add(time("GET /api/v1/rankings?subject=ITEM&period=" + year.code(), () -> ok(api.bearer(token, "GET",
                "/api/v1/rankings?subject=ITEM&period=" + year.code(), null))));

        say("");
        say("%-78s %10s %10s %12s %12s", "measured", "median ms", "p95 ms", "÷ trivial", "÷ naive sum");
        for (Timing t : timings) {
            say("%-78s %10.1f %10.1f %12.1f %12.2f", t.name(), t.median(), t.p95(), t.median() / trivial.median(),
                    t.median() / naiveSummary.median());
        }
        Path out = Path.of("target", "bench", "analytics.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    private static int ok(TestApi.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException(answer.status() + " " + answer.body());
        }
        return answer.body().length();
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
     * than ratings. Written straight into the rating table and analytics' read model (the events would take hours).
     */
    private void load(int ratings) {
        JdbcTemplate batch = new JdbcTemplate(dataSource);
        Random random = new Random(20261127L);
        String[] regions = {"411000", "411002", "411003", "411024", "411025", "411081", "411082", "411071", "411090",
                "411091"};
        String[] channels = {"WINDOW_DEVICE", "WINDOW_DEVICE", "WINDOW_DEVICE", "QR", "QR", "PC", "MOBILE", "MOBILE",
                "TERMINAL", "SMS", "PHONE"};
        String[] levels = {"VERY_SATISFIED", "SATISFIED", "BASIC", "DISSATISFIED", "VERY_DISSATISFIED"};
        LocalDate today = LocalDate.now(Zones.SHANGHAI);
        OffsetDateTime now = OffsetDateTime.now(Zones.SHANGHAI);
        List<Object[]> evaluations = new ArrayList<>();
        List<Object[]> facts = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < ratings * 6 / 5; i++) {
            int staff = random.nextInt(600);
            int window = staff / 3;
            int body = window / 10;
            int department = staff % 40;
            String region = regions[department % regions.length];
            String item = "BI" + String.format("%03d", (staff * 2 + random.nextInt(2)) % 300);
            LocalDate day = today.minusDays(random.nextInt(365));
            OffsetDateTime at = day.atTime(8 + random.nextInt(10), random.nextInt(60)).atZone(Zones.SHANGHAI)
                    .toOffsetDateTime();
            String caseNo = "B" + run + String.format("%08d", i);
            boolean rated = i < ratings;
            boolean defaulted = rated && random.nextInt(100) < 2;
            int roll = random.nextInt(100);
            String level = defaulted ? "BASIC" : levels[roll < 62 ? 0 : roll < 85 ? 1 : roll < 93 ? 2 : roll < 97 ? 3 : 4];
            String channel = defaulted ? "SYSTEM_DEFAULT" : channels[random.nextInt(channels.length)];
            boolean valid = random.nextInt(1000) >= 5;
            String d = "BD" + String.format("%02d", department);
            String b = "BB" + String.format("%02d", body);
            String w = "BW" + String.format("%03d", window);
            String s = "BS" + String.format("%04d", staff);
            if (rated) {
                String id = UUID.randomUUID().toString();
                evaluations.add(new Object[] {id, caseNo, level, channel, item, "事项" + item, d, b, w, s, region,
                        Timestamp.from(at.toInstant()), Timestamp.from(now.toInstant()), defaulted, valid});
                facts.add(new Object[] {id, caseNo, Date.valueOf(day), region, d, b, w, s, item, level, channel,
                        defaulted, valid});
            }
            cases.add(new Object[] {caseNo, Date.valueOf(day), region, d, b, w, s, item, rated && !defaulted && valid});
            if (evaluations.size() == 2000 || i == ratings * 6 / 5 - 1) {
                batch.batchUpdate("""
                        insert into evaluation_evaluation (id, case_no, level, channel, item_code, item_name,
                            department_code, service_body_code, window_code, staff_no, region_code, submitted_at,
                            recorded_at, defaulted, valid)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, evaluations);
                batch.batchUpdate("""
                        insert into analytics_rating (evaluation_id, case_no, stat_day, region_code, department_code,
                            service_body_code, window_code, staff_no, item_code, level, channel, defaulted, counted)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, facts);
                evaluations.clear();
                facts.clear();
            }
            if (cases.size() == 2000 || i == ratings * 6 / 5 - 1) {
                batch.batchUpdate("""
                        insert into analytics_case (case_no, stat_day, region_code, department_code, service_body_code,
                            window_code, staff_no, item_code, person_rated)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, cases);
                cases.clear();
            }
        }
    }
}
