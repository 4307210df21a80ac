package org.haochaping.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.haochaping.HaochapingApplication;
import org.haochaping.casework.CaseManagement;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.identity.IdentityManagement;
import org.haochaping.support.Cases;
import org.haochaping.support.Instances;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

/**
 * Catch-up after an outage (quality.md "Performance"): many ratings with their cases queue up in the city while its
 * upstream is absent; then the province — a second real instance of this software, on its own database, reached
 * over signed HTTP — starts, and {@code upstream-push} sends the backlog. Measured: catch-up throughput in records
 * per second until every record has arrived exactly once, against baselines of the same run on the same machine: a
 * smaller backlog of the same records sent one after the other (the push before {@code hcp.exchange.retry.parallel}),
 * the production client's signed POST of the same record to a no-op HTTP endpoint (the HTTP round trip alone), and
 * the province's cheapest signed request (signature check and nonce, nothing stored).
 * Run with {@code -Pbench -Dtest=ExchangeCatchUpBenchmark} (and {@code -Ppostgres,bench}: the province then gets a
 * PostgreSQL database of its own next to the test's), size with {@code -Dhcp.bench.exchange.ratings=100000} and
 * {@code -Dhcp.bench.exchange.baseline-ratings} (a tenth of it by default). Writes target/bench/exchange-catch-up.txt.
 */
@Tag("bench")
class ExchangeCatchUpBenchmark extends IntegrationTest {

    static {
        // the JDK's server otherwise waits for delayed acknowledgements (Nagle), ~40 ms per exchange
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String CITY_CLIENT = "xuchang-city";
    private static final String CITY_SECRET = "bench-upstream-secret-" + UUID.randomUUID();
    private static final int PROVINCE_PORT = Instances.freePort();
    private static final int BASELINE_REQUESTS = 2000;

    private static ConfigurableApplicationContext province;

    @Autowired
    private UpwardQueue queue;

    @Autowired
    private UpstreamPushJob push;

    @Autowired
    private PushJobs jobs;

    @Autowired
    private Deliveries deliveries;

    @Autowired
    private ExchangeSettings settings;

    @Autowired
    private ExchangeClient client;

    @Autowired
    private OutboundRecords records;

    @Autowired
    private CodeTables codeTables;

    @Autowired
    private CaseManagement cases;

    @Autowired
    private EvaluationManagement evaluations;

    @Autowired
    private DataSource dataSource;

    private final List<String> lines = new ArrayList<>();

    @DynamicPropertySource
    static void theProvinceIsTheUpstream(DynamicPropertyRegistry registry) {
        registry.add("hcp.exchange.upstream.url", () -> "http://localhost:" + PROVINCE_PORT);
        registry.add("hcp.exchange.upstream.client-id", () -> CITY_CLIENT);
        registry.add("hcp.exchange.upstream.client-secret", () -> CITY_SECRET);
    }

    @AfterAll
    static void stopTheProvince() {
        if (province != null) {
            province.close();
        }
    }

    @Test
    void catchUpAfterAnOutageAgainstOneAfterTheOtherAndTheBareRoundTrip() throws Exception {
        int ratings = Integer.getInteger("hcp.bench.exchange.ratings", 100_000);
        try (java.sql.Connection connection = dataSource.getConnection()) {
            say("database: %s %s", connection.getMetaData().getDatabaseProductName(),
                    connection.getMetaData().getDatabaseProductVersion());
        }
        long leftovers = jdbc.sql("""
                delete from exchange_push_job where status = 'PENDING' and target is null and length(case_no) = 16
                  and (case_no like 'CU%' or case_no like 'CW%' or case_no like 'CN%')
                """).update();
        if (leftovers > 0) {
            say("dropped %,d queued records left by an interrupted run", leftovers);
        }
        String template = rateOneCase();
        String prefix = "CU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        List<String> provinceArgs = provinceArguments();
        province = new SpringApplicationBuilder(HaochapingApplication.class).run(provinceArgs.toArray(String[]::new));
        province.getBean(IdentityManagement.class).createClient(CITY_CLIENT, "许昌市好差评平台", CITY_SECRET,
                ApiClientPrincipal.Kind.LOWER_PLATFORM, "411000", null);
        int warmUp = Math.max(100, Math.min(500, ratings / 20));
        String warm = "CW" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (String[] q : cloneCases(template, warm, warmUp)) {
            queue.rating(q[1], q[0], q[2], q[3]);
        }
        say("warm-up with the province up: %,d records in %.1f s (not measured further)", 2L * warmUp,
                catchUp(push, warm, warmUp));
        province.close();

        long start = System.nanoTime();
        List<String[]> queued = cloneCases(template, prefix, ratings);
        long cloned = System.nanoTime();
        for (String[] q : queued) {
            queue.rating(q[1], q[0], q[2], q[3]);
        }
        long queuedAt = System.nanoTime();
        say("ratings with their cases: %,d (%,d records); stored in %.1f s, queued through UpwardQueue in %.1f s",
                ratings, 2L * ratings, (cloned - start) / 1e9, (queuedAt - cloned) / 1e9);
        assertThat(push.run()).contains("upstream unavailable");
        say("upstream absent: upstream-push stops at its first failed attempts (%,d waiting)", pending());
        clock.advance(Duration.ofMinutes(1));

        long booting = System.nanoTime();
        province = new SpringApplicationBuilder(HaochapingApplication.class).run(provinceArgs.toArray(String[]::new));
        say("province back in %.1f s", (System.nanoTime() - booting) / 1e9);

        double noop = noopRoundTrips(template);
        double signed = signedRoundTrips();
        say("baseline: production client, signed POST of a rating record to a no-op HTTP endpoint: %,.0f requests/s",
                noop);
        say("baseline: signed GET /api/v1/exchange/daily-counts at the province (checks signature and nonce): "
                + "%,.0f requests/s", signed);

        double seconds = catchUp(push, prefix, ratings);
        double throughput = 2.0 * ratings / seconds;
        say("");
        say("catch-up, %d records in flight (hcp.exchange.retry.parallel): %,d records (%,d cases + %,d ratings) in "
                + "%.1f s: %,.0f records/s (%,.0f ratings/s)", settings.retry().parallel(), 2L * ratings, ratings,
                ratings, seconds, throughput, ratings / seconds);

        int baselineRatings = Integer.getInteger("hcp.bench.exchange.baseline-ratings", Math.max(500, ratings / 10));
        String naive = "CN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (String[] q : cloneCases(template, naive, baselineRatings)) {
            queue.rating(q[1], q[0], q[2], q[3]);
        }
        double naiveSeconds = catchUp(new UpstreamPushJob(jobs, deliveries, codeTables, oneAtATime(), clock), naive,
                baselineRatings);
        double naiveThroughput = 2.0 * baselineRatings / naiveSeconds;
        say("baseline: the same kind of backlog sent one record after the other: %,d records in %.1f s: "
                + "%,.0f records/s", 2L * baselineRatings, naiveSeconds, naiveThroughput);
        say("");
        say("catch-up ÷ one after the other: %.2f; ÷ no-op round trip: %.3f; ÷ signed round trip: %.2f",
                throughput / naiveThroughput, throughput / noop, throughput / signed);
        Path out = Path.of("target", "bench", "exchange-catch-up.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    /** Runs a push job until nothing is waiting; checks that every record of the backlog arrived exactly once. */
    private double catchUp(UpstreamPushJob job, String prefix, int ratings) {
        long start = System.nanoTime();
        long before = pending();
        int stalled = 0;
        while (true) {
            String result = job.run();
            long left = pending();
            if (left == 0) {
                break;
            }
            if (left < before) {
                stalled = 0;
            } else {
                // a connection pooled before the province restarted fails once: do not wait out the backoff
                assertThat(result).as("no progress").contains("upstream unavailable");
                assertThat(++stalled).as("no progress: " + result).isLessThan(5);
                jdbc.sql("update exchange_push_job set next_attempt_at = :now where status = 'PENDING'"
                        + " and target is null and next_attempt_at > :now").param("now", Zones.now(clock)).update();
            }
            before = left;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        JdbcClient there = province.getBean(JdbcClient.class);
        long arrived = there.sql("select count(*) from exchange_inbound where case_no like :p and client_id = :c")
                .param("p", prefix + "%").param("c", CITY_CLIENT).query(Long.class).single();
        long rows = there.sql("select count(*) from evaluation_evaluation where case_no like :p")
                .param("p", prefix + "%").query(Long.class).single();
        long distinct = there.sql("select count(distinct case_no) from evaluation_evaluation where case_no like :p")
                .param("p", prefix + "%").query(Long.class).single();
        long sent = jdbc.sql("select count(*) from exchange_push_job where case_no like :p and status = 'SENT'")
                .param("p", prefix + "%").query(Long.class).single();
        assertThat(sent).isEqualTo(2L * ratings);
        assertThat(arrived).as("cases and ratings received once each").isEqualTo(2L * ratings);
        assertThat(rows).isEqualTo(ratings);
        assertThat(distinct).isEqualTo(ratings);
        say("  arrived exactly once: %,d records received from the city, %,d ratings stored (of %,d distinct cases)",
                arrived, rows, distinct);
        return seconds;
    }

    /** This instance's exchange settings, but sending one record after the other. */
    private ExchangeSettings oneAtATime() {
        ExchangeSettings.Retry r = settings.retry();
        return new ExchangeSettings(settings.upstream(), new ExchangeSettings.Retry(r.initialBackoff(),
                r.maxBackoff(), r.maxClientFailures(), r.batch(), r.requestTimeout(), r.lease(), 1),
                settings.inbound(), settings.dataSource(), settings.codeTables(), settings.downstream(),
                settings.relayTimeout());
    }

    /** A real case reported and rated in the city through its receipt's QR token: the model of all the others. */
    private String rateOneCase() {
        String caseNo = Cases.newCaseNo();
        String url = api.putCase(caseNo, Cases.completedAtCityHall()).json().path("invitation").path("url")
                .asString();
        TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token",
                url.substring(url.lastIndexOf('/') + 1), "level", "SATISFIED", "comment", "追赶测试")));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        return caseNo;
    }

    /**
     * Copies the model case and its rating {@code count} times under new case numbers, straight into the tables
     * (creating them through the API would take hours); answers case number, rating id, region and department.
     */
    private List<String[]> cloneCases(String template, String prefix, int count) {
        JdbcTemplate batch = new JdbcTemplate(dataSource);
        Map<String, Object> c = jdbc.sql("select * from casework_case where case_no = :c").param("c", template)
                .query().singleRow();
        Map<String, Object> e = jdbc.sql("select * from evaluation_evaluation where case_no = :c")
                .param("c", template).query().singleRow();
        String caseInsert = insert("casework_case", c);
        String ratingInsert = insert("evaluation_evaluation", e);
        List<String[]> result = new ArrayList<>(count);
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> evaluations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String caseNo = prefix + String.format(Locale.ROOT, "%08d", i);
            String id = UUID.randomUUID().toString();
            cases.add(c.entrySet().stream().map(col -> col.getKey().equals("case_no") ? caseNo : col.getValue())
                    .toArray());
            evaluations.add(e.entrySet().stream().map(col -> switch (col.getKey()) {
                case "id" -> id;
                case "case_no" -> caseNo;
                default -> col.getValue();
            }).toArray());
            result.add(new String[] {caseNo, id, (String) c.get("region_code"), (String) c.get("department_code")});
            if (cases.size() == 2000 || i == count - 1) {
                batch.batchUpdate(caseInsert, cases);
                batch.batchUpdate(ratingInsert, evaluations);
                cases.clear();
                evaluations.clear();
            }
        }
        return result;
    }

    private static String insert(String table, Map<String, Object> row) {
        return "insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
                + String.join(", ", row.keySet().stream().map(k -> "?").toList()) + ")";
    }

    private long pending() {
        return jdbc.sql("select count(*) from exchange_push_job where status = 'PENDING' and target is null")
                .query(Long.class).single();
    }

    /** The production client sending one real rating record, signed, to an endpoint that stores nothing. */
    private double noopRoundTrips(String template) throws Exception {
        HttpServer noop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        byte[] answer = "{\"result\":\"STORED\"}".getBytes(StandardCharsets.UTF_8);
        noop.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        noop.start();
        try {
            ExchangeSettings.Peer peer = new ExchangeSettings.Peer("http://127.0.0.1:" + noop.getAddress().getPort(),
                    CITY_CLIENT, CITY_SECRET, ExchangeSettings.Format.JSON, null, null, null);
            Map<String, String> fields = ratingFields(template);
            return perSecond(() -> {
                ExchangeClient.Answer a = client.report(peer, fields);
                if (a.status() != 201) {
                    throw new IllegalStateException(a.status() + " " + a.body());
                }
                return a;
            });
        } finally {
            noop.stop(0);
        }
    }

    /** The rating record of a case exactly as {@code upstream-push} builds it. */
    private Map<String, String> ratingFields(String caseNo) throws OutboundRecords.NotPushable {
        String evaluationId = jdbc.sql("select id from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(String.class).single();
        return records.ratingRecord(cases.find(caseNo).orElseThrow(), evaluations.find(evaluationId).orElseThrow(),
                codeTables.table("provincial", null)).toFields();
    }

    /** The cheapest signed request the province answers: its daily counts for the city. */
    private double signedRoundTrips() throws Exception {
        ExchangeSettings.Peer peer = new ExchangeSettings.Peer("http://localhost:" + PROVINCE_PORT, CITY_CLIENT,
                CITY_SECRET, ExchangeSettings.Format.JSON, null, null, null);
        String path = ExchangeClient.DAILY_COUNTS + "?date=" + LocalDate.now(Zones.SHANGHAI);
        return perSecond(() -> {
            ExchangeClient.Answer a = client.get(peer, path);
            if (a.status() != 200) {
                throw new IllegalStateException(a.status() + " " + a.body());
            }
            return null;
        });
    }

    private interface Request {
        Object send() throws Exception;
    }

    private static double perSecond(Request request) throws Exception {
        for (int i = 0; i < 200; i++) {
            request.send();
        }
        long start = System.nanoTime();
        for (int i = 0; i < BASELINE_REQUESTS; i++) {
            request.send();
        }
        return BASELINE_REQUESTS / ((System.nanoTime() - start) / 1e9);
    }

    /** The province's arguments, with a database of its own (created afresh on PostgreSQL). */
    private List<String> provinceArguments() throws IOException {
        String cityUrl = System.getProperty("spring.datasource.url", "");
        List<String> args = new ArrayList<>(List.of("--server.port=" + PROVINCE_PORT, "--hcp.demo.enabled=true",
                "--hcp.demo.history-cases=0", "--hcp.system.scheduler-enabled=false",
                "--hcp.integrity.quarantine=false", "--spring.main.banner-mode=off",
                "--logging.level.org.haochaping=WARN"));
        if (cityUrl.startsWith("jdbc:postgresql:")) {
            String database = cityUrl.substring(cityUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_province";
            jdbc.sql("drop database if exists " + database).update();
            jdbc.sql("create database " + database).update();
            args.add("--spring.datasource.url=" + cityUrl.substring(0, cityUrl.lastIndexOf('/') + 1) + database);
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=");
        } else {
            Path data = Files.createTempDirectory("hcp-bench-province");
            args.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("province").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            args.add("--spring.datasource.username=sa");
            args.add("--spring.datasource.password=");
        }
        return args;
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        lines.add(line);
    }
}
