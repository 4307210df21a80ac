package org.haochaping.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * One handler (domain §8): the cases a lower-level platform (魏都区) reports are owned and handled there. This
 * instance opens no work order, runs no default and sends no invitation for them, shows them as handled by their
 * owner, takes their rectification results from the owner only, queues ratings given here for the owner; and the
 * upper platform, registered here as a trusted platform, forwards ratings of the cases owned here.
 */
class OwnedBelowTest extends IntegrationTest {

    private static final String REPORTS = "/api/v1/exchange/reports";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String LOWER_NAME = "魏都区好差评平台";

    /** A completed marriage registration at 魏都区民政局, as 魏都区's platform reports it; rated when a level is given. */
    private Map<String, String> wdCase(String caseNo, String satisfaction) {
        OffsetDateTime now = Zones.now(clock);
        Map<String, String> record = new LinkedHashMap<>();
        record.put("projectNo", caseNo);
        record.put("taskCode", "ITEM-MZJ-001");
        record.put("taskName", "结婚登记");
        record.put("deptCode", "114110020050412748");
        record.put("areaCode", "411002");
        record.put("proStatus", "3");
        record.put("acceptDate", now.minusHours(3).format(TIME));
        record.put("finishDate", now.minusHours(2).format(TIME));
        record.put("userName", "李四");
        record.put("userProp", "1");
        record.put("userPageType", "111");
        record.put("certKeyGOV", "411002198805051234");
        record.put("dataSource", "WD-HCP");
        if (satisfaction != null) {
            record.put("pf", "3");
            record.put("satisfaction", satisfaction);
            record.put("writingEvaluation", "窗口解释不清楚");
            record.put("assessTime", now.minusHours(1).format(TIME));
        }
        return record;
    }

    private Map<String, String> rectified(String caseNo, OffsetDateTime at) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("projectNo", caseNo);
        record.put("assessNumber", "1");
        record.put("rectifyStatus", "RECTIFIED");
        record.put("rootCause", "ATTITUDE");
        record.put("rectifyMeasures", "窗口人员重新培训，一次性告知");
        record.put("rectifyTime", at.format(TIME));
        record.put("rectifyOnTime", "1");
        record.put("dataSource", "WD-HCP");
        return record;
    }

    private TestApi.Answer report(Map<String, String> record) {
        return api.signed("POST", REPORTS, TestApi.json(record), TestApi.LOWER, TestApi.LOWER_SECRET);
    }

    private long count(String sql, String caseNo) {
        return jdbc.sql(sql).param("c", caseNo).query(Long.class).single();
    }

    private void awaitListener(String listener, String id) {
        Await.until(listener + " handled " + id, () -> jdbc.sql("""
                select count(*) from event_publication
                where listener_id like :l and serialized_event like :id and completion_date is not null
                """).param("l", "%" + listener + "%").param("id", "%" + id + "%").query(Long.class).single() > 0);
    }

    @Test
    void aBadRatingOfACaseTheLowerPlatformOwnsOpensNoWorkOrderAndRunsNoDefaultHere() {
        String caseNo = Cases.newCaseNo();
        TestApi.Answer answer = report(wdCase(caseNo, "1"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String evaluationId = answer.text("evaluationId");

        awaitListener("BadRatingListener", evaluationId);
        awaitListener("CaseCompletedListener", caseNo);
        assertThat(count("select count(*) from rectification_work_order where case_no = :c", caseNo)).isZero();
        assertThat(count("select count(*) from evaluation_expected where case_no = :c", caseNo)).isZero();
        assertThat(jdbc.sql("select origin_name from casework_case where case_no = :c").param("c", caseNo)
                .query(String.class).single()).isEqualTo(LOWER_NAME);
        JsonNode rating = api.bearer(api.login("wd.supervisor"), "GET", "/api/v1/evaluations?caseNo=" + caseNo, null)
                .json().path("items").get(0);
        assertThat(rating.path("handledBy").asString()).isEqualTo(LOWER_NAME);
        Await.until("the loop is followed", () -> count("select count(*) from exchange_loop where case_no = :c",
                caseNo) == 1);
        JsonNode loop = api.bearer(api.login("supervisor"), "GET", "/api/v1/exchange/loops/" + caseNo, null).json();
        assertThat(loop.path("ratedHere").asBoolean()).isFalse();
        assertThat(loop.path("stage").asString()).startsWith("办理中");
    }

    @Test
    void theOwnersRectificationResultsAreKeptOnceCountedAndShownWithTheRating() {
        String caseNo = Cases.newCaseNo();
        assertThat(report(wdCase(caseNo, "2")).status()).isEqualTo(201);
        String today = Zones.now(clock).toLocalDate().toString();
        long before = api.signed("GET", "/api/v1/exchange/daily-counts?date=" + today, null, TestApi.LOWER,
                TestApi.LOWER_SECRET).json().path("rectifications").asLong();
        OffsetDateTime rectifiedAt = Zones.now(clock).minusMinutes(30);

        TestApi.Answer stored = report(rectified(caseNo, rectifiedAt));
        TestApi.Answer again = report(rectified(caseNo, rectifiedAt));
        Map<String, String> closed = new LinkedHashMap<>();
        closed.put("projectNo", caseNo);
        closed.put("rectifyStatus", "CLOSED");
        closed.put("rectifyResult", "RESOLVED");
        closed.put("closeTime", Zones.now(clock).minusMinutes(5).format(TIME));
        TestApi.Answer done = report(closed);

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.text("kind")).isEqualTo("RECTIFICATION");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("result")).isEqualTo("DUPLICATE");
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(count("select count(*) from exchange_rectification where case_no = :c", caseNo)).isEqualTo(2);
        assertThat(api.signed("GET", "/api/v1/exchange/daily-counts?date=" + today, null, TestApi.LOWER,
                TestApi.LOWER_SECRET).json().path("rectifications").asLong()).isEqualTo(before + 2);
        JsonNode loop = api.bearer(api.login("supervisor"), "GET", "/api/v1/exchange/loops/" + caseNo, null).json();
        assertThat(loop.path("stage").asString()).isEqualTo("已办结：已解决");
        assertThat(loop.path("results").get(0).path("measures").asString()).isEqualTo("窗口人员重新培训，一次性告知");
        assertThat(loop.path("results").get(0).path("rootCauseLabel").asString()).isEqualTo("态度");
        assertThat(loop.path("levelLabel").asString()).isEqualTo("不满意");
        assertThat(api.bearer(api.login("xc.handler"), "GET", "/api/v1/exchange/loops/" + caseNo, null).status())
                .as("the exchange's views are the supervision office's").isEqualTo(403);
    }

    @Test
    void aMalformedRectificationResultIsRefusedNamingEachFieldAndStoresNothing() {
        String caseNo = Cases.newCaseNo();
        assertThat(report(wdCase(caseNo, "2")).status()).isEqualTo(201);
        Map<String, String> bad = rectified(caseNo, Zones.now(clock));
        bad.put("rootCause", "BAD_LUCK");
        bad.remove("rectifyMeasures");
        bad.put("rectifyTime", "gestern");
        bad.put("rectifyOnTime", "ja");

        TestApi.Answer answer = report(bad);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("rootCause", "rectifyMeasures", "rectifyTime", "rectifyOnTime");
        Map<String, String> unknownStatus = rectified(caseNo, Zones.now(clock));
        unknownStatus.put("rectifyStatus", "DONE");
        assertThat(report(unknownStatus).status()).isEqualTo(400);
        Map<String, String> future = rectified(caseNo, Zones.now(clock).plusDays(1));
        assertThat(report(future).status()).isEqualTo(400);
        assertThat(count("select count(*) from exchange_rectification where case_no = :c", caseNo)).isZero();
    }

    @Test
    void onlyThePlatformThatOwnsACaseReportsItsRectification() {
        String caseNo = Cases.newCaseNo();
        assertThat(report(wdCase(caseNo, "2")).status()).isEqualTo(201);

        TestApi.Answer byAnother = api.signed("POST", REPORTS, TestApi.json(rectified(caseNo, Zones.now(clock))),
                TestApi.BUSINESS, TestApi.BUSINESS_SECRET);
        TestApi.Answer fromAbove = api.signed("POST", REPORTS, TestApi.json(rectified(caseNo, Zones.now(clock))),
                TestApi.PLATFORM, TestApi.PLATFORM_SECRET);
        TestApi.Answer unknownCase = report(rectified(Cases.newCaseNo(), Zones.now(clock)));

        assertThat(byAnother.status()).isEqualTo(403);
        assertThat(fromAbove.status()).isEqualTo(403);
        assertThat(unknownCase.status()).isEqualTo(404);
        assertThat(count("select count(*) from exchange_rectification where case_no = :c", caseNo)).isZero();
    }

    @Test
    void aRatingGivenHereOfACaseTheLowerPlatformOwnsWaitsForTheOwnersAddressAndIsNotHandledHere() {
        String caseNo = Cases.newCaseNo();
        assertThat(report(wdCase(caseNo, null)).status()).isEqualTo(201);

        TestApi.Answer rated = api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo,
                "channel", "PC", "level", "VERY_DISSATISFIED", "comment", "网上评价")), TestApi.PLATFORM,
                TestApi.PLATFORM_SECRET);

        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        assertThat(jdbc.sql("select status from exchange_push_job where case_no = :c and target = :t")
                .param("c", caseNo).param("t", TestApi.LOWER).query(String.class).single()).isEqualTo("PENDING");
        String result = api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/downstream-push/run", null)
                .text("result");
        assertThat(result).contains("unavailable: " + TestApi.LOWER);
        assertThat(jdbc.sql("select last_error from exchange_push_job where case_no = :c and target = :t")
                .param("c", caseNo).param("t", TestApi.LOWER).query(String.class).single())
                .contains("未配置", "hcp.exchange.downstream." + TestApi.LOWER + ".url");
        awaitListener("BadRatingListener", rated.text("id"));
        assertThat(count("select count(*) from rectification_work_order where case_no = :c", caseNo)).isZero();
        JsonNode loop = api.bearer(api.login("supervisor"), "GET", "/api/v1/exchange/loops/" + caseNo, null).json();
        assertThat(loop.path("ratedHere").asBoolean()).isTrue();
        assertThat(loop.path("forwarding").path("status").asString()).isEqualTo("PENDING");
        assertThat(loop.path("handledBy").asString()).isEqualTo(LOWER_NAME);
    }

    @Test
    void theUpperPlatformForwardsARatingOfACaseOwnedHereWhichIsHandledHere() {
        String caseNo = Cases.newCaseNo();
        assertThat(api.putCase(caseNo, Cases.completedAtCityHall()).status()).isEqualTo(201);
        Map<String, String> record = new LinkedHashMap<>();
        record.put("projectNo", caseNo);
        record.put("areaCode", "411000");
        record.put("pf", "2");
        record.put("satisfaction", "2");
        record.put("evalDimensions", "ATTITUDE:1,EFFICIENCY:3");
        record.put("writingEvaluation", "省级平台上的评价");
        record.put("assessTime", Zones.now(clock).minusMinutes(3).format(TIME));
        record.put("userName", "张三");
        record.put("certKeyGOV", "411002199001011234");
        record.put("consentContact", "1");

        TestApi.Answer forwarded = api.signed("POST", REPORTS, TestApi.json(record), TestApi.PLATFORM,
                TestApi.PLATFORM_SECRET);
        TestApi.Answer again = api.signed("POST", REPORTS, TestApi.json(record), TestApi.PLATFORM,
                TestApi.PLATFORM_SECRET);

        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(201);
        assertThat(again.text("result")).isEqualTo("DUPLICATE");
        JsonNode rating = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations?caseNo=" + caseNo, null)
                .json().path("items").get(0);
        assertThat(rating.path("channel").asString()).isEqualTo("MOBILE");
        assertThat(rating.path("level").asString()).isEqualTo("DISSATISFIED");
        assertThat(rating.path("dimensions").path("ATTITUDE").asString()).isEqualTo("VERY_DISSATISFIED");
        assertThat(rating.path("dimensions").path("EFFICIENCY").asString()).isEqualTo("BASIC");
        assertThat(rating.path("evaluator").path("mobile").asString())
                .as("the applicant known here, with the mobile the feedback goes to").isEqualTo("138****5678");
        assertThat(rating.has("handledBy")).isFalse();
        Await.until("the work order opened here", () -> count(
                "select count(*) from rectification_work_order where case_no = :c", caseNo) == 1);

        Map<String, String> caseOnly = new LinkedHashMap<>(record);
        caseOnly.remove("satisfaction");
        caseOnly.put("projectNo", Cases.newCaseNo());
        assertThat(api.signed("POST", REPORTS, TestApi.json(caseOnly), TestApi.PLATFORM, TestApi.PLATFORM_SECRET)
                .status()).as("from above only ratings come").isEqualTo(400);
        Map<String, String> defaulted = new LinkedHashMap<>(record);
        defaulted.put("pf", "8");
        assertThat(api.signed("POST", REPORTS, TestApi.json(defaulted), TestApi.PLATFORM, TestApi.PLATFORM_SECRET)
                .status()).as("defaults are the owner's").isEqualTo(400);
        Map<String, String> unknown = new LinkedHashMap<>(record);
        unknown.put("projectNo", Cases.newCaseNo());
        assertThat(api.signed("POST", REPORTS, TestApi.json(unknown), TestApi.PLATFORM, TestApi.PLATFORM_SECRET)
                .status()).isEqualTo(404);
    }
}
