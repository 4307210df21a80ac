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
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Two real instances, both directions (第五条; domain §8, one handler): the test's instance is the province, a second
 * one started here on its own port and database is the city, which reports its cases up. A citizen rates a city case
 * on the province's channels: the rating goes down to the city over the signed exchange contract, the city opens the
 * work order and the province none, and the city's rectification result comes back up. The city may be down while
 * the rating is given: it arrives when the city is back. A case rated on both levels keeps the first rating on both.
 */
class RoundTripTest extends IntegrationTest {

    private static final String CITY_CLIENT = "xuchang-city";
    private static final String CITY_SECRET = "city-secret-" + UUID.randomUUID();
    private static final String PROVINCE_CLIENT = "henan-province";
    private static final String PROVINCE_SECRET = "province-secret-" + UUID.randomUUID();
    private static final int CITY_PORT = Instances.freePort();
    private static final Path CITY_DATA = Instances.tempDirectory("hcp-city");

    private static ConfigurableApplicationContext city;
    private static boolean cityRegistered;

    @Autowired
    private IdentityManagement identity;

    @DynamicPropertySource
    static void theCityIsTheOwnerOfItsCases(DynamicPropertyRegistry registry) {
        registry.add("hcp.exchange.downstream." + CITY_CLIENT + ".url", () -> "http://localhost:" + CITY_PORT);
        registry.add("hcp.exchange.downstream." + CITY_CLIENT + ".client-id", () -> PROVINCE_CLIENT);
        registry.add("hcp.exchange.downstream." + CITY_CLIENT + ".client-secret", () -> PROVINCE_SECRET);
        registry.add("hcp.exchange.downstream." + CITY_CLIENT + ".name", () -> "许昌市");
    }

    @BeforeEach
    void startTheCity() {
        if (!cityRegistered) {
            identity.createClient(CITY_CLIENT, "许昌市好差评平台", CITY_SECRET, ApiClientPrincipal.Kind.LOWER_PLATFORM,
                    "411000", null);
            cityRegistered = true;
        }
        if (city == null || !city.isActive()) {
            boolean first = city == null;
            city = startCity();
            if (first) {
                city.getBean(IdentityManagement.class).createClient(PROVINCE_CLIENT, "河南省好差评平台", PROVINCE_SECRET,
                        ApiClientPrincipal.Kind.PLATFORM, "411000", null);
            }
        }
    }

    @AfterAll
    static void stopTheCity() {
        if (city != null) {
            city.close();
        }
    }

    private ConfigurableApplicationContext startCity() {
        return new SpringApplicationBuilder(HaochapingApplication.class).run(
                "--server.port=" + CITY_PORT,
                "--spring.datasource.url=jdbc:h2:file:" + CITY_DATA.resolve("city").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--hcp.demo.enabled=true", "--hcp.demo.history-cases=0",
                "--hcp.system.scheduler-enabled=false",
                "--hcp.integrity.quarantine=false", "--spring.main.banner-mode=off",
                "--hcp.exchange.upstream.url=" + baseUrl(), "--hcp.exchange.upstream.client-id=" + CITY_CLIENT,
                "--hcp.exchange.upstream.client-secret=" + CITY_SECRET);
    }

    private TestApi cityApi() {
        return new TestApi("http://localhost:" + CITY_PORT, Clock.systemUTC());
    }

    private JdbcClient cityDb() {
        return city.getBean(JdbcClient.class);
    }

    private static String run(TestApi on, String job) {
        TestApi.Answer answer = on.bearer(on.login("admin"), "POST", "/api/v1/admin/jobs/" + job + "/run", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.text("result");
    }

    private static long count(JdbcClient db, String sql, String caseNo) {
        return db.sql(sql).param("c", caseNo).query(Long.class).single();
    }

    /** A case completed at the city hall, reported up to the province; answers its number and receipt token. */
    private String[] cityCaseReportedUp() {
        String caseNo = Cases.newCaseNo();
        TestApi.Answer reported = cityApi().putCase(caseNo, Cases.completedAtCityHall());
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String url = reported.json().path("invitation").path("url").asString();
        Await.until("the completed case queued in the city", () -> count(cityDb(),
                "select count(*) from exchange_push_job where case_no = :c and kind = 'CASE'", caseNo) == 1);
        run(cityApi(), "upstream-push");
        assertThat(count(jdbc, "select count(*) from casework_case where case_no = :c", caseNo))
                .as("the case is pushed up as soon as it completes, before any rating").isEqualTo(1);
        return new String[] {caseNo, url.substring(url.lastIndexOf('/') + 1)};
    }

    /** A rating given on the province's channels (its app, a trusted platform) of a case the city owns. */
    private TestApi.Answer rateOnTheProvince(String caseNo, String level) {
        return api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "MOBILE",
                "level", level, "dimensions", Map.of("ATTITUDE", level), "comment", "省级 App 上的评价 " + caseNo)),
                TestApi.PLATFORM, TestApi.PLATFORM_SECRET);
    }

    private TestApi.Answer rateInTheCity(String token, String level) {
        return cityApi().post("/api/v1/evaluations", TestApi.json(Map.of("token", token, "level", level)));
    }

    private void awaitListener(JdbcClient db, String listener, String id) {
        Await.until(listener + " handled " + id, () -> db.sql("""
                select count(*) from event_publication
                where listener_id like :l and serialized_event like :id and completion_date is not null
                """).param("l", "%" + listener + "%").param("id", "%" + id + "%").query(Long.class).single() > 0);
    }

    private String cityWorkOrder(String caseNo) {
        Await.until("the city's work order of " + caseNo, () -> count(cityDb(),
                "select count(*) from rectification_work_order where case_no = :c", caseNo) == 1);
        return cityDb().sql("select id from rectification_work_order where case_no = :c").param("c", caseNo)
                .query(String.class).single();
    }

    private static TestApi.Answer step(TestApi on, String user, String workOrderId, String step, Object body) {
        TestApi.Answer answer = on.bearer(on.login(user), "POST", "/api/v1/work-orders/" + workOrderId + step, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private JsonNode loop(String caseNo) {
        TestApi.Answer answer = api.bearer(api.login("supervisor"), "GET", "/api/v1/exchange/loops/" + caseNo, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void aBadRatingGivenOnTheProvinceIsHandledByTheCityAndItsRectificationComesBackUp() {
        String caseNo = cityCaseReportedUp()[0];
        assertThat(jdbc.sql("select origin_client from casework_case where case_no = :c").param("c", caseNo)
                .query(String.class).single()).isEqualTo(CITY_CLIENT);
        awaitListener(jdbc, "CaseCompletedListener", caseNo);
        awaitListener(jdbc, "SmsInvitationListener", caseNo);
        assertThat(count(jdbc, "select count(*) from evaluation_expected where case_no = :c", caseNo))
                .as("no 7-day default on the province for a city case").isZero();
        assertThat(count(jdbc, "select count(*) from channels_sms_invitation where case_no = :c", caseNo))
                .as("no SMS invitation from the province").isZero();

        TestApi.Answer rated = rateOnTheProvince(caseNo, "VERY_DISSATISFIED");

        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        String provinceRating = rated.text("id");
        assertThat(jdbc.sql("select status from exchange_push_job where case_no = :c and target = :t")
                .param("c", caseNo).param("t", CITY_CLIENT).query(String.class).single()).isEqualTo("SENT");
        Map<String, Object> down = cityDb().sql("select level, channel, comment from evaluation_evaluation where case_no = :c")
                .param("c", caseNo).query().singleRow();
        assertThat(down).containsEntry("level", "VERY_DISSATISFIED").containsEntry("channel", "MOBILE")
                .containsEntry("comment", "省级 App 上的评价 " + caseNo);
        String cityRating = cityDb().sql("select id from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(String.class).single();
        assertThat(cityDb().sql("select level from evaluation_dimension where evaluation_id = :e and dimension = 'ATTITUDE'")
                .param("e", cityRating).query(String.class).single()).isEqualTo("VERY_DISSATISFIED");

        String workOrder = cityWorkOrder(caseNo);
        awaitListener(jdbc, "BadRatingListener", provinceRating);
        assertThat(count(jdbc, "select count(*) from rectification_work_order where case_no = :c", caseNo))
                .as("the province opens no work order for the city's case").isZero();
        JsonNode listed = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations?caseNo=" + caseNo, null)
                .json().path("items").get(0);
        assertThat(listed.path("handledBy").asString()).isEqualTo("许昌市");
        JsonNode atTheCity = cityApi().bearer(cityApi().login("supervisor"), "GET", "/api/v1/work-orders/" + workOrder,
                null).json();
        assertThat(atTheCity.path("evaluator").path("mobile").asString())
                .as("the city knows its applicant, with the mobile its feedback goes to").isEqualTo("138****5678");

        step(cityApi(), "supervisor", workOrder, "/verification", Map.of("verdict", "CONFIRMED", "note", "情况属实"));
        step(cityApi(), "xc.handler", workOrder, "/rectification",
                Map.of("measures", "一次性告知材料清单，窗口人员重新培训", "rootCause", "ATTITUDE"));
        Await.until("the rectification queued in the city", () -> count(cityDb(),
                "select count(*) from exchange_push_job where case_no = :c and kind = 'RECTIFICATION'", caseNo) == 1);
        run(cityApi(), "upstream-push");

        JsonNode loop = loop(caseNo);
        assertThat(loop.path("handledBy").asString()).isEqualTo("许昌市");
        assertThat(loop.path("ratedHere").asBoolean()).isTrue();
        assertThat(loop.path("forwarding").path("status").asString()).isEqualTo("SENT");
        assertThat(loop.path("stage").asString()).isEqualTo("已整改");
        JsonNode result = loop.path("results").get(0);
        assertThat(result.path("status").asString()).isEqualTo("RECTIFIED");
        assertThat(result.path("rootCause").asString()).isEqualTo("ATTITUDE");
        assertThat(result.path("measures").asString()).isEqualTo("一次性告知材料清单，窗口人员重新培训");
        assertThat(result.path("onTime").asBoolean()).isTrue();
        assertThat(result.path("at").isNull()).isFalse();
        assertThat(count(jdbc, "select count(*) from evaluation_evaluation where case_no = :c", caseNo))
                .as("the city's rating of the case, pushed up, is the one the province already has").isEqualTo(1);
        assertThat(cityDb().sql("select status from exchange_push_job where case_no = :c and kind = 'RATING'")
                .param("c", caseNo).query(String.class).single()).isEqualTo("SENT");

        step(cityApi(), "xc.handler", workOrder, "/feedback", Map.of("channel", "SMS", "message", "已整改，感谢监督"));
        step(cityApi(), "supervisor", workOrder, "/callback", Map.of("reached", true, "satisfied", true));
        Await.until("the closing queued in the city", () -> count(cityDb(),
                "select count(*) from exchange_push_job where case_no = :c and kind = 'RECTIFICATION'", caseNo) == 2);
        run(cityApi(), "upstream-push");

        JsonNode closed = loop(caseNo);
        assertThat(closed.path("stage").asString()).isEqualTo("已办结：已解决");
        assertThat(closed.path("results").get(1).path("outcome").asString()).isEqualTo("RESOLVED");
        String today = org.haochaping.system.Zones.now(clock).toLocalDate().toString();
        assertThat(api.signed("GET", "/api/v1/exchange/daily-counts?date=" + today, null, CITY_CLIENT, CITY_SECRET)
                .json().path("rectifications").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(run(cityApi(), "reconciliation")).doesNotContain("differs");
    }

    @Test
    void aRatingGivenOnTheProvinceWhileTheCityIsDownReachesItWhenItIsBack() {
        String caseNo = cityCaseReportedUp()[0];
        city.close();

        TestApi.Answer rated = rateOnTheProvince(caseNo, "DISSATISFIED");

        assertThat(rated.status()).as("the rating is taken, and kept for the city").isEqualTo(201);
        assertThat(jdbc.sql("select status from exchange_push_job where case_no = :c and target = :t")
                .param("c", caseNo).param("t", CITY_CLIENT).query(String.class).single()).isEqualTo("PENDING");
        assertThat(run(api, "downstream-push")).contains("unavailable: " + CITY_CLIENT);
        assertThat(loop(caseNo).path("forwarding").path("status").asString()).isEqualTo("PENDING");

        city = startCity();
        clock.advance(Duration.ofMinutes(2));
        assertThat(run(api, "downstream-push")).startsWith("1 forwarded");

        assertThat(jdbc.sql("select status from exchange_push_job where case_no = :c and target = :t")
                .param("c", caseNo).param("t", CITY_CLIENT).query(String.class).single()).isEqualTo("SENT");
        assertThat(cityDb().sql("select level from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(String.class).single()).isEqualTo("DISSATISFIED");
        cityWorkOrder(caseNo);
        assertThat(count(jdbc, "select count(*) from rectification_work_order where case_no = :c", caseNo)).isZero();
    }

    @Test
    void aCaseRatedOnBothLevelsKeepsTheFirstRatingOnBothSides() {
        // rated in the city first, then on the province before the city's rating went up
        String[] first = cityCaseReportedUp();
        assertThat(rateInTheCity(first[1], "VERY_SATISFIED").status()).isEqualTo(201);

        TestApi.Answer second = rateOnTheProvince(first[0], "VERY_DISSATISFIED");

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.text("title")).isEqualTo("该办件已评价");
        assertThat(count(jdbc, "select count(*) from evaluation_evaluation where case_no = :c", first[0])).isZero();
        Await.until("the city's rating queued", () -> count(cityDb(),
                "select count(*) from exchange_push_job where case_no = :c and kind = 'RATING'", first[0]) == 1);
        run(cityApi(), "upstream-push");
        assertThat(jdbc.sql("select level from evaluation_evaluation where case_no = :c").param("c", first[0])
                .query(String.class).single()).isEqualTo("VERY_SATISFIED");
        assertThat(rateOnTheProvince(first[0], "DISSATISFIED").status()).isEqualTo(409);

        // rated on the province first: the city refuses a second rating as it refuses any
        String[] other = cityCaseReportedUp();
        assertThat(rateOnTheProvince(other[0], "SATISFIED").status()).isEqualTo(201);
        TestApi.Answer late = rateInTheCity(other[1], "DISSATISFIED");
        assertThat(late.status()).isIn(409, 410);
        assertThat(cityDb().sql("select level from evaluation_evaluation where case_no = :c").param("c", other[0])
                .query(String.class).single()).isEqualTo("SATISFIED");

        JsonNode province = api.bearer(api.login("supervisor"), "GET", "/api/v1/exchange/reconciliation", null).json();
        assertThat(province.path("conflicts").findValuesAsString("caseNo")).contains(first[0]);
        JsonNode cityView = cityApi().bearer(cityApi().login("supervisor"), "GET", "/api/v1/exchange/reconciliation",
                null).json();
        JsonNode seen = null;
        for (JsonNode c : cityView.path("conflicts")) {
            if (c.path("caseNo").asString().equals(first[0])) {
                seen = c;
            }
        }
        assertThat(seen).as("the city saw the province's rating arrive second").isNotNull();
        assertThat(seen.path("side").asString()).isEqualTo("RECEIVED");
        assertThat(seen.path("ours").path("level").asString()).isEqualTo("VERY_SATISFIED");
        assertThat(seen.path("theirs").path("level").asString()).isEqualTo("VERY_DISSATISFIED");
    }

    @Test
    void ratingsGivenOnBothLevelsWhileTheyCouldNotReachEachOtherEndInAConflictBothSidesShow() {
        String[] c = cityCaseReportedUp();
        city.close();
        assertThat(rateOnTheProvince(c[0], "DISSATISFIED").status()).isEqualTo(201);
        city = startCity();
        assertThat(rateInTheCity(c[1], "SATISFIED").status()).as("the city did not know").isEqualTo(201);

        clock.advance(Duration.ofMinutes(1));
        assertThat(run(api, "downstream-push")).contains("1 conflicting");
        Await.until("the city's rating queued", () -> count(cityDb(),
                "select count(*) from exchange_push_job where case_no = :c and kind = 'RATING'", c[0]) == 1);
        run(cityApi(), "upstream-push");

        assertThat(jdbc.sql("select status from exchange_push_job where case_no = :c and target = :t")
                .param("c", c[0]).param("t", CITY_CLIENT).query(String.class).single()).isEqualTo("CONFLICT");
        assertThat(cityDb().sql("select status from exchange_push_job where case_no = :c and kind = 'RATING'")
                .param("c", c[0]).query(String.class).single()).isEqualTo("CONFLICT");
        assertThat(cityDb().sql("select level from evaluation_evaluation where case_no = :c").param("c", c[0])
                .query(String.class).single()).as("the owner keeps the rating that reached it first")
                .isEqualTo("SATISFIED");
        assertThat(loop(c[0]).path("forwarding").path("status").asString()).isEqualTo("CONFLICT");
        assertThat(count(jdbc, "select count(*) from exchange_conflict where case_no = :c", c[0])).isEqualTo(2);
        assertThat(count(cityDb(), "select count(*) from exchange_conflict where case_no = :c", c[0])).isEqualTo(2);
    }
}
