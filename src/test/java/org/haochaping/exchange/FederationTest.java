package org.haochaping.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.haochaping.HaochapingApplication;
import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.identity.IdentityManagement;
import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.Instances;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.PageClient;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Two real instances of this software: the test's instance is the city, a second one started here on another port
 * with its own database is the province, configured as the city's upstream. Ratings go up over real signed HTTP,
 * survive the province being down, arrive exactly once, and a record the province refuses waits in the dead-letter
 * list without holding up the others.
 */
class FederationTest extends IntegrationTest {

    private static final String CITY_CLIENT = "xuchang-city";
    private static final String CITY_SECRET = "city-upstream-secret-" + UUID.randomUUID();
    private static final int PROVINCE_PORT = Instances.freePort();
    private static final Path PROVINCE_DATA = Instances.tempDirectory("hcp-province");

    private static ConfigurableApplicationContext province;

    @Autowired
    private CodeTables codeTables;

    @DynamicPropertySource
    static void provinceIsTheUpstream(DynamicPropertyRegistry registry) {
        registry.add("hcp.exchange.upstream.url", () -> "http://localhost:" + PROVINCE_PORT);
        registry.add("hcp.exchange.upstream.client-id", () -> CITY_CLIENT);
        registry.add("hcp.exchange.upstream.client-secret", () -> CITY_SECRET);
        registry.add("hcp.exchange.retry.max-client-failures", () -> "2");
        registry.add("hcp.exchange.code-tables.zhejiang.channel.[SYSTEM_DEFAULT]", () -> "7");
        registry.add("hcp.exchange.code-tables.zhejiang.channel.sms", () -> "6");
        registry.add("hcp.exchange.code-tables.zhejiang.channel.window-device", () -> "4");
    }

    @BeforeAll
    static void startTheProvinceAndRegisterTheCity() {
        province = startProvince();
        province.getBean(IdentityManagement.class).createClient(CITY_CLIENT, "许昌市好差评平台", CITY_SECRET,
                ApiClientPrincipal.Kind.LOWER_PLATFORM, "411000", null);
    }

    @AfterAll
    static void stopTheProvince() {
        if (province != null) {
            province.close();
        }
    }

    private static ConfigurableApplicationContext startProvince() {
        return new SpringApplicationBuilder(HaochapingApplication.class).run(
                "--server.port=" + PROVINCE_PORT,
                "--spring.datasource.url=jdbc:h2:file:" + PROVINCE_DATA.resolve("province").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--hcp.demo.enabled=true", "--hcp.demo.history-cases=0", "--hcp.system.scheduler-enabled=false",
                "--spring.main.banner-mode=off");
    }

    private JdbcClient provinceDb() {
        return province.getBean(JdbcClient.class);
    }

    private TestApi provinceApi() {
        return new TestApi("http://localhost:" + PROVINCE_PORT, Clock.systemUTC());
    }

    private String runJob(String name) {
        TestApi.Answer answer = api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/" + name + "/run", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.text("result");
    }

    /** Reports a completed case in the city and rates it through its receipt's QR token. */
    private String rateInTheCity(Map<String, Object> caseBody, String level) {
        String caseNo = Cases.newCaseNo();
        String url = api.putCase(caseNo, caseBody).json().path("invitation").path("url").asString();
        TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token",
                url.substring(url.lastIndexOf('/') + 1), "level", level, "comment", "市里的评价 " + caseNo)));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        Await.until("the rating of " + caseNo + " is queued with its case", () -> jdbc.sql(
                "select count(*) from exchange_push_job where case_no = :c").param("c", caseNo).query(Long.class)
                .single() == 2);
        return caseNo;
    }

    private long ratingsInTheProvince(String caseNo) {
        return provinceDb().sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Long.class).single();
    }

    private String jobStatus(String caseNo, String kind) {
        return jdbc.sql("select status from exchange_push_job where case_no = :c and kind = :k").param("c", caseNo)
                .param("k", kind).query(String.class).single();
    }

    @Test
    void aRatingInTheCityArrivesInTheProvinceExactlyOnceAlsoWhenTheProvinceWasDown() {
        String first = rateInTheCity(Cases.completedAtCityHall(), "VERY_SATISFIED");
        runJob("upstream-push");

        assertThat(ratingsInTheProvince(first)).isEqualTo(1);
        String token = provinceApi().login("supervisor");
        JsonNode seen = provinceApi().bearer(token, "GET", "/api/v1/evaluations?caseNo=" + first, null).json();
        assertThat(seen.path("total").asLong()).isEqualTo(1);
        JsonNode rating = seen.path("items").get(0);
        assertThat(rating.path("level").asString()).isEqualTo("VERY_SATISFIED");
        assertThat(rating.path("channel").asString()).isEqualTo("QR");
        assertThat(rating.path("departmentCode").asString()).isEqualTo("XC-SCJG");
        assertThat(rating.path("evaluator").path("name").asString()).isEqualTo("张*");
        assertThat(provinceDb().sql("select client_id from exchange_inbound where kind = 'CASE' and case_no = :c")
                .param("c", first).query(String.class).single()).isEqualTo(CITY_CLIENT);

        province.close();
        String second = rateInTheCity(Cases.completedAtYuzhou(), "DISSATISFIED");
        assertThat(runJob("upstream-push")).contains("upstream unavailable");
        assertThat(jobStatus(second, "CASE")).isEqualTo("PENDING");
        assertThat(jdbc.sql("select last_error from exchange_push_job where case_no = :c and kind = 'CASE'")
                .param("c", second).query(String.class).single()).contains("无法连接");
        runJob("upstream-push");
        assertThat(jdbc.sql("select attempts from exchange_push_job where case_no = :c and kind = 'CASE'")
                .param("c", second).query(Integer.class).single()).as("waits for its backoff").isEqualTo(1);

        province = startProvince();
        clock.advance(Duration.ofMinutes(1));
        runJob("upstream-push");

        assertThat(jobStatus(second, "RATING")).isEqualTo("SENT");
        assertThat(ratingsInTheProvince(second)).isEqualTo(1);
        assertThat(ratingsInTheProvince(first)).isEqualTo(1);
        assertThat(provinceDb().sql("select level from evaluation_evaluation where case_no = :c").param("c", second)
                .query(String.class).single()).isEqualTo("DISSATISFIED");
    }

    @Test
    void aRecordDeliveredAgainAfterALostAnswerIsStoredOnce() {
        String caseNo = rateInTheCity(Cases.completedAtCityHall(), "SATISFIED");
        runJob("upstream-push");
        assertThat(jobStatus(caseNo, "RATING")).isEqualTo("SENT");

        // as if the city had died after the province stored the rating but before it recorded the answer
        jdbc.sql("update exchange_push_job set status = 'PENDING', next_attempt_at = :now where case_no = :c")
                .param("now", org.haochaping.system.Zones.now(clock)).param("c", caseNo).update();
        runJob("upstream-push");

        assertThat(jobStatus(caseNo, "RATING")).isEqualTo("SENT");
        assertThat(ratingsInTheProvince(caseNo)).isEqualTo(1);
        assertThat(provinceDb().sql("select count(*) from exchange_inbound where case_no = :c").param("c", caseNo)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aRecordTheProvinceRefusesWaitsInTheDeadLetterListWithoutBlockingTheOthers() {
        String department = "EX" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String creditCode = "91411000" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        jdbc.sql("insert into catalog_department (code, name, region_code, credit_code) values (:c, '许昌市测试局', '411000', :cc)")
                .param("c", department).param("cc", creditCode).update();
        Map<String, Object> unknownUpThere = Cases.completedAtCityHall();
        unknownUpThere.put("departmentCode", department);
        unknownUpThere.remove("windowCode");
        unknownUpThere.remove("serviceBodyCode");
        unknownUpThere.remove("staffNo");
        String poisoned = rateInTheCity(unknownUpThere, "BASIC");
        String healthy = rateInTheCity(Cases.completedAtCityHall(), "VERY_SATISFIED");

        runJob("upstream-push");
        clock.advance(Duration.ofMinutes(1));
        runJob("upstream-push");

        assertThat(ratingsInTheProvince(healthy)).isEqualTo(1);
        assertThat(jobStatus(poisoned, "CASE")).isEqualTo("DEAD");
        assertThat(jobStatus(poisoned, "RATING")).as("waits for its case").isEqualTo("PENDING");
        String supervisor = api.login("supervisor");
        JsonNode dead = api.bearer(supervisor, "GET", "/api/v1/exchange/dead-letters", null).json();
        JsonNode letter = null;
        for (JsonNode item : dead.path("items")) {
            if (item.path("caseNo").asString().equals(poisoned)) {
                letter = item;
            }
        }
        assertThat(letter).isNotNull();
        assertThat(letter.path("lastStatus").asInt()).isEqualTo(400);
        assertThat(letter.path("lastError").asString()).contains("deptCode");
        assertThat(api.bearer(api.login("xc.handler"), "POST",
                "/api/v1/exchange/dead-letters/" + letter.path("id").asString() + "/retry", null).status())
                .isEqualTo(403);

        provinceDb().sql("insert into catalog_department (code, name, region_code, credit_code) values (:c, '许昌市测试局', '411000', :cc)")
                .param("c", department).param("cc", creditCode).update();
        PageClient console = PageClient.signedIn(baseUrl(), "supervisor");
        assertThat(console.get("/console/exchange").body()).contains(poisoned).contains("重新推送");
        PageClient.Page retried = console.postForm("/console/exchange",
                "/console/exchange/dead-letters/" + letter.path("id").asString() + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(302);
        assertThat(retried.location()).endsWith("/console/exchange?retried");
        assertThat(jobStatus(poisoned, "CASE")).isEqualTo("PENDING");
        runJob("upstream-push");

        assertThat(ratingsInTheProvince(poisoned)).isEqualTo(1);
        assertThat(jobStatus(poisoned, "RATING")).isEqualTo("SENT");
    }

    @Test
    void aDepartmentWithoutCreditCodeCannotBePushedAndSaysSo() {
        String department = "NC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("insert into catalog_department (code, name, region_code) values (:c, '许昌市无代码局', '411000')")
                .param("c", department).update();
        Map<String, Object> body = Cases.completedAtCityHall();
        body.put("departmentCode", department);
        body.remove("windowCode");
        body.remove("serviceBodyCode");
        body.remove("staffNo");
        String caseNo = rateInTheCity(body, "SATISFIED");

        runJob("upstream-push");

        assertThat(jobStatus(caseNo, "CASE")).isEqualTo("DEAD");
        assertThat(jdbc.sql("select last_error from exchange_push_job where case_no = :c and kind = 'CASE'")
                .param("c", caseNo).query(String.class).single()).contains("统一社会信用代码");
        assertThat(ratingsInTheProvince(caseNo)).isZero();
    }

    @Test
    void reconciliationComparesWhatTheCityPushedWithWhatTheProvinceReceived() {
        rateInTheCity(Cases.completedAtCityHall(), "SATISFIED");
        runJob("upstream-push");

        assertThat(runJob("reconciliation")).contains("matches");
        JsonNode local = api.bearer(api.login("supervisor"), "GET", "/api/v1/exchange/reconciliation", null).json();
        assertThat(local.path("checked").asBoolean()).isTrue();
        assertThat(local.path("matches").asBoolean()).isTrue();
        JsonNode ratings = null;
        for (JsonNode line : local.path("kinds")) {
            if (line.path("kind").asString().equals("RATING")) {
                ratings = line;
            }
        }
        assertThat(ratings).isNotNull();
        assertThat(ratings.path("pushed").asLong()).isPositive();
        assertThat(ratings.path("upstreamReceived").asLong()).isEqualTo(ratings.path("pushedAtCheck").asLong());
        assertThat(api.bearer(api.login("s1001"), "GET", "/api/v1/exchange/reconciliation", null).status())
                .isEqualTo(403);
    }

    @Test
    void theCitysRectificationResultReachesTheProvinceWhichOpensNoWorkOrderOfItsOwn() {
        String caseNo = rateInTheCity(Cases.completedAtCityHall(), "DISSATISFIED");
        Await.until("the city's work order", () -> jdbc.sql(
                "select count(*) from rectification_work_order where case_no = :c").param("c", caseNo)
                .query(Long.class).single() == 1);
        String order = jdbc.sql("select id from rectification_work_order where case_no = :c").param("c", caseNo)
                .query(String.class).single();
        assertThat(api.bearer(api.login("supervisor"), "POST", "/api/v1/work-orders/" + order + "/verification",
                Map.of("verdict", "CONFIRMED", "note", "属实")).status()).isEqualTo(200);
        assertThat(api.bearer(api.login("xc.handler"), "POST", "/api/v1/work-orders/" + order + "/rectification",
                Map.of("measures", "增设导办员，材料一次性告知", "rootCause", "PROCESS")).status()).isEqualTo(200);
        Await.until("the rectification result is queued", () -> jdbc.sql(
                "select count(*) from exchange_push_job where case_no = :c and kind = 'RECTIFICATION'")
                .param("c", caseNo).query(Long.class).single() == 1);

        runJob("upstream-push");

        assertThat(jobStatus(caseNo, "RECTIFICATION")).isEqualTo("SENT");
        Map<String, Object> received = provinceDb().sql(
                "select status, root_cause, measures, on_time, client_id from exchange_rectification where case_no = :c")
                .param("c", caseNo).query().singleRow();
        assertThat(received).containsEntry("status", "RECTIFIED").containsEntry("root_cause", "PROCESS")
                .containsEntry("measures", "增设导办员，材料一次性告知").containsEntry("on_time", true)
                .containsEntry("client_id", CITY_CLIENT);
        JsonNode loop = provinceApi().bearer(provinceApi().login("supervisor"), "GET",
                "/api/v1/exchange/loops/" + caseNo, null).json();
        assertThat(loop.path("handledBy").asString()).isEqualTo("许昌市好差评平台");
        assertThat(loop.path("levelLabel").asString()).isEqualTo("不满意");
        assertThat(loop.path("results").get(0).path("rootCauseLabel").asString()).isEqualTo("流程");
        String provinceRating = provinceDb().sql("select id from evaluation_evaluation where case_no = :c")
                .param("c", caseNo).query(String.class).single();
        Await.until("the province's listeners handled the rating", () -> provinceDb().sql("""
                select count(*) from event_publication where listener_id like '%BadRatingListener%'
                and serialized_event like :e and completion_date is not null
                """).param("e", "%" + provinceRating + "%").query(Long.class).single() == 1);
        assertThat(provinceDb().sql("select count(*) from rectification_work_order where case_no = :c")
                .param("c", caseNo).query(Long.class).single()).as("the city handles its case, not the province")
                .isZero();

        assertThat(runJob("reconciliation")).doesNotContain("differs");
        JsonNode local = api.bearer(api.login("supervisor"), "GET", "/api/v1/exchange/reconciliation", null).json();
        for (JsonNode line : local.path("kinds")) {
            if (line.path("kind").asString().equals("RECTIFICATION")) {
                assertThat(line.path("pushed").asLong()).isPositive();
                assertThat(line.path("upstreamReceived").asLong()).isEqualTo(line.path("pushedAtCheck").asLong());
            }
        }
    }

    @Test
    void anOperatorRePushesADayAndWhatTheProvinceLostArrivesOnceAndReconcilesAgain() {
        String lost = rateInTheCity(Cases.completedAtCityHall(), "SATISFIED");
        String kept = rateInTheCity(Cases.completedAtYuzhou(), "VERY_SATISFIED");
        runJob("upstream-push");
        runJob("reconciliation");
        String today = org.haochaping.system.Zones.now(clock).toLocalDate().toString();
        Map<String, Long> before = differences(cityReconciliation(today));

        loseAtTheProvince(lost);
        assertThat(runJob("reconciliation")).contains("differs");
        Map<String, Long> lossSeen = differences(cityReconciliation(today));
        assertThat(lossSeen.get("CASE")).isEqualTo(before.get("CASE") - 1);
        assertThat(lossSeen.get("RATING")).isEqualTo(before.get("RATING") - 1);

        String path = "/console/exchange/reconciliation/" + today + "/repush";
        assertThat(api.bearer(api.login("city.office"), "POST", "/api/v1/exchange/reconciliation/" + today + "/repush",
                null).status()).as("reads the reconciliation, re-pushes nothing").isEqualTo(403);
        PageClient reader = PageClient.signedIn(baseUrl(), "city.office");
        assertThat(reader.get("/console/exchange").body()).contains("对账").doesNotContain("重新推送当天");
        assertThat(reader.postForm("/console/exchange", path, Map.of()).status()).isEqualTo(403);
        assertThat(jobStatus(lost, "CASE")).isEqualTo("SENT");
        PageClient console = PageClient.signedIn(baseUrl(), "supervisor");
        assertThat(console.get("/console/exchange").body()).contains("重新推送当天").contains(path);
        PageClient.Page repushed = console.postForm("/console/exchange", path, Map.of());
        assertThat(repushed.status()).isEqualTo(302);
        assertThat(repushed.location()).contains("/console/exchange?repushed=").contains("day=" + today);
        assertThat(jobStatus(lost, "CASE")).isEqualTo("PENDING");
        assertThat(jobStatus(kept, "RATING")).isEqualTo("PENDING");
        Map<String, Object> audited = jdbc.sql("""
                select actor, detail from identity_audit_log where action = 'EXCHANGE_REPUSH' and target = :t
                order by id desc limit 1
                """).param("t", "day:" + today).query().singleRow();
        assertThat(audited.get("actor")).isEqualTo("supervisor");
        assertThat((String) audited.get("detail")).contains("重新推送 " + today);

        runJob("upstream-push");

        assertThat(jobStatus(lost, "RATING")).isEqualTo("SENT");
        assertThat(jobStatus(kept, "RATING")).isEqualTo("SENT");
        assertThat(ratingsInTheProvince(lost)).isEqualTo(1);
        assertThat(ratingsInTheProvince(kept)).as("a duplicate, stored once").isEqualTo(1);
        assertThat(provinceDb().sql("select count(*) from exchange_inbound where case_no in (:c)")
                .param("c", java.util.List.of(lost, kept)).query(Long.class).single()).isEqualTo(4);
        assertThat(runJob("reconciliation")).contains(today + (refusedOf(today).values().stream()
                .allMatch(n -> n == 0) ? " matches" : " differs"));
        assertThat(differences(cityReconciliation(today))).as("all that was lost is back, only refusals differ")
                .isEqualTo(refusedOf(today));
    }

    @Test
    void theProvinceComparesWhatTheCitySaysItSentWithWhatArrivedPerSenderAndDay() {
        String lost = rateInTheCity(Cases.completedAtCityHall(), "BASIC");
        runJob("upstream-push");
        runJob("reconciliation");
        String today = org.haochaping.system.Zones.now(clock).toLocalDate().toString();
        String supervisor = provinceApi().login("supervisor");
        JsonNode city = sender(provinceApi().bearer(supervisor, "GET", "/api/v1/exchange/reconciliation?date=" + today,
                null).json(), CITY_CLIENT);
        assertThat(city.path("senderName").asString()).isEqualTo("许昌市好差评平台");
        assertThat(city.path("claimed").asBoolean()).isTrue();
        Map<String, Long> cityClaims = claimed(city);
        Map<String, Long> pushed = jdbc.sql("""
                select kind, count(*) as n from exchange_push_job where sent_on = :d and target is null group by kind
                """).param("d", java.time.LocalDate.parse(today)).query((rs, n) -> Map.entry(rs.getString(1),
                rs.getLong(2))).list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                Map.Entry::getValue));
        assertThat(cityClaims.get("RATING")).as("what the city says it sent").isEqualTo(pushed.get("RATING"));
        assertThat(cityClaims.get("CASE")).isEqualTo(pushed.get("CASE"));
        Map<String, Long> before = differences(city);

        loseAtTheProvince(lost);
        runJob("reconciliation");

        JsonNode after = sender(provinceApi().bearer(supervisor, "GET", "/api/v1/exchange/reconciliation?date="
                + today, null).json(), CITY_CLIENT);
        assertThat(differences(after).get("RATING")).isEqualTo(before.get("RATING") - 1);
        assertThat(differences(after).get("CASE")).isEqualTo(before.get("CASE") - 1);
        assertThat(after.path("matches").asBoolean()).isFalse();
        PageClient provinceConsole = PageClient.signedIn("http://localhost:" + PROVINCE_PORT, "supervisor");
        String page = provinceConsole.get("/console/exchange").body();
        assertThat(page).contains("下级报送对账").contains("许昌市好差评平台").contains("有差异");

        TestApi.Answer repushed = api.bearer(api.login("admin"), "POST",
                "/api/v1/exchange/reconciliation/" + today + "/repush", null);
        assertThat(repushed.status()).as(repushed.body()).isEqualTo(200);
        assertThat(repushed.json().path("kinds").path("RATING").asLong()).isEqualTo(pushed.get("RATING"));
        runJob("upstream-push");
        runJob("reconciliation");
        JsonNode repaired = sender(provinceApi().bearer(supervisor, "GET", "/api/v1/exchange/reconciliation?date="
                + today, null).json(), CITY_CLIENT);
        assertThat(differences(repaired)).as("the province now holds all the city says it sent, but refusals")
                .isEqualTo(refusedOf(today));

        assertThat(new TestApi("http://localhost:" + PROVINCE_PORT, Clock.systemUTC()).signed("POST",
                "/api/v1/exchange/daily-counts", TestApi.json(Map.of("date", today, "cases", -1, "ratings", 0,
                        "rectifications", 0)), CITY_CLIENT, CITY_SECRET).status()).isEqualTo(400);
    }

    /**
     * Per kind, minus the upward records the city counts as sent on a day that the province refused when they were
     * sent again (other tests' records this province does not take): the difference left after a re-push.
     */
    private Map<String, Long> refusedOf(String day) {
        Map<String, Long> result = new java.util.TreeMap<>(Map.of("CASE", 0L, "RATING", 0L, "RECTIFICATION", 0L));
        jdbc.sql("""
                select kind, count(*) from exchange_push_job where sent_on = :d and target is null and status <> 'SENT'
                group by kind
                """).param("d", java.time.LocalDate.parse(day))
                .query((rs, n) -> result.put(rs.getString(1), -rs.getLong(2))).list();
        return result;
    }

    /** The city's own side of a day's reconciliation, from its API. */
    private JsonNode cityReconciliation(String day) {
        return api.bearer(api.login("supervisor"), "GET", "/api/v1/exchange/reconciliation?date=" + day, null).json();
    }

    /** Per kind, received minus pushed (the city's view) or received minus claimed (a sender line). */
    private static Map<String, Long> differences(JsonNode view) {
        Map<String, Long> result = new java.util.TreeMap<>();
        for (JsonNode line : view.has("kinds") ? view.path("kinds") : view.path("lines")) {
            result.put(line.path("kind").asString(), line.path("difference").asLong());
        }
        return result;
    }

    private static Map<String, Long> claimed(JsonNode sender) {
        Map<String, Long> result = new java.util.TreeMap<>();
        for (JsonNode line : sender.path("lines")) {
            result.put(line.path("kind").asString(), line.path("claimed").asLong());
        }
        return result;
    }

    private static JsonNode sender(JsonNode reconciliation, String clientId) {
        for (JsonNode s : reconciliation.path("senders")) {
            if (s.path("sender").asString().equals(clientId)) {
                return s;
            }
        }
        throw new AssertionError("no line for " + clientId + " in " + reconciliation);
    }

    /**
     * As if the province had lost a case and its rating (restored from an older backup): every row of it is removed
     * there — except the append-only hash chains, which nothing re-stored collides with.
     */
    private void loseAtTheProvince(String caseNo) {
        JdbcClient db = provinceDb();
        java.util.List<String> ratings = db.sql("select id from evaluation_evaluation where case_no = :c")
                .param("c", caseNo).query(String.class).list();
        java.util.List<Map<String, Object>> columns = db.sql("""
                select table_name, column_name from information_schema.columns
                where table_schema = 'public' and column_name in ('case_no', 'evaluation_id')
                  and table_name not like 'integrity%' and table_name not like 'identity%'
                order by table_name
                """).query().listOfRows();
        for (Map<String, Object> c : columns) {
            if (c.get("column_name").equals("evaluation_id") && !ratings.isEmpty()) {
                db.sql("delete from " + c.get("table_name") + " where evaluation_id in (:ids)").param("ids", ratings)
                        .update();
            }
        }
        for (Map<String, Object> c : columns) {
            if (c.get("column_name").equals("case_no") && !c.get("table_name").equals("casework_case")) {
                db.sql("delete from " + c.get("table_name") + " where case_no = :c").param("c", caseNo).update();
            }
        }
        db.sql("delete from casework_case where case_no = :c").param("c", caseNo).update();
        assertThat(ratingsInTheProvince(caseNo)).isZero();
    }

    @Test
    void aCodeTableDefinedByConfigurationIsStoredAsAVersionOnce() {
        CodeTables.CodeTable zhejiang = codeTables.table("zhejiang", null);
        assertThat(zhejiang.encode(CodeKind.CHANNEL, "SYSTEM_DEFAULT")).contains("7");
        assertThat(zhejiang.encode(CodeKind.CHANNEL, "SMS")).contains("6");
        assertThat(zhejiang.encode(CodeKind.CHANNEL, "WINDOW_DEVICE")).contains("4");

        codeTables.applyConfiguredTables();

        assertThat(codeTables.latestVersion("zhejiang")).contains(zhejiang.version());
        assertThat(codeTables.table("provincial", 1).encode(CodeKind.LEVEL, "VERY_SATISFIED")).contains("5");
    }
}
