package org.haochaping.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.haochaping.identity.RequestSignature;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/exchange/reports}: a lower-level platform (魏都区) reports cases and ratings in the provincial
 * field names, as JSON or form fields; each is validated, kept within the sender's region, and stored once.
 */
class InboundReportTest extends IntegrationTest {

    private static final String REPORTS = "/api/v1/exchange/reports";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A rated marriage registration at 魏都区民政局, in the provincial field names and codes. */
    private Map<String, String> ratedCase(String caseNo) {
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
        record.put("promiseTime", "1");
        record.put("userName", "李四");
        record.put("userProp", "1");
        record.put("userPageType", "111");
        record.put("certKeyGOV", "411002198805051234");
        record.put("pf", "3");
        record.put("satisfaction", "2");
        record.put("evalDetail", "ATTITUDE_POOR");
        record.put("writingEvaluation", "窗口解释不清楚");
        record.put("assessTime", now.minusHours(1).format(TIME));
        record.put("assessNumber", "1");
        record.put("dataSource", "WD-HCP");
        return record;
    }

    private TestApi.Answer reportJson(Map<String, String> record) {
        return api.signed("POST", REPORTS, TestApi.json(record), TestApi.LOWER, TestApi.LOWER_SECRET);
    }

    private TestApi.Answer reportForm(Map<String, String> record) {
        String body = record.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.signed("POST", REPORTS, body, TestApi.LOWER, TestApi.LOWER_SECRET,
                RequestSignature.Method.HMAC_SHA256, String.valueOf(clock.millis()), UUID.randomUUID().toString(),
                "application/x-www-form-urlencoded");
    }

    private JsonNode ratingOf(String caseNo) {
        JsonNode list = api.bearer(api.login("wd.supervisor"), "GET", "/api/v1/evaluations?caseNo=" + caseNo, null)
                .json();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        return list.path("items").get(0);
    }

    private long count(String table, String caseNo) {
        return jdbc.sql("select count(*) from " + table + " where case_no = :c").param("c", caseNo).query(Long.class)
                .single();
    }

    @Test
    void ratingReportedAsJsonIsStoredWithItsOriginalTimeChannelAndLevel() {
        String caseNo = Cases.newCaseNo();
        Map<String, String> record = ratedCase(caseNo);
        TestApi.Answer answer = reportJson(record);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.text("kind")).isEqualTo("RATING");
        assertThat(answer.text("result")).isEqualTo("STORED");
        JsonNode rating = ratingOf(caseNo);
        assertThat(rating.path("level").asString()).isEqualTo("DISSATISFIED");
        assertThat(rating.path("channel").asString()).isEqualTo("QR");
        assertThat(OffsetDateTime.parse(rating.path("submittedAt").asString()).toLocalDateTime().format(TIME))
                .isEqualTo(record.get("assessTime"));
        assertThat(rating.path("comment").asString()).isEqualTo("窗口解释不清楚");
        assertThat(rating.path("evaluator").path("name").asString()).isEqualTo("李*");
        assertThat(rating.path("departmentCode").asString()).isEqualTo("WD-MZJ");
        assertThat(jdbc.sql("select client_id from exchange_inbound where kind = 'CASE' and case_no = :c")
                .param("c", caseNo).query(String.class).single()).isEqualTo(TestApi.LOWER);
    }

    @Test
    void theSameRecordAgainAnswers200AndChangesNothing() {
        String caseNo = Cases.newCaseNo();
        Map<String, String> record = ratedCase(caseNo);
        assertThat(reportJson(record).status()).isEqualTo(201);
        String id = ratingOf(caseNo).path("id").asString();

        TestApi.Answer again = reportJson(record);
        TestApi.Answer asForm = reportForm(record);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("result")).isEqualTo("DUPLICATE");
        assertThat(again.text("evaluationId")).isEqualTo(id);
        assertThat(asForm.status()).isEqualTo(200);
        assertThat(count("evaluation_evaluation", caseNo)).isEqualTo(1);
        assertThat(count("exchange_inbound", caseNo)).isEqualTo(2);
    }

    @Test
    void formFieldsInTheProvincialStyleAreAcceptedWithTheSignatureOverTheRawBody() {
        String caseNo = Cases.newCaseNo();
        Map<String, String> record = ratedCase(caseNo);
        record.put("satisfaction", "5");
        record.put("pf", "4");
        record.put("evalDetail", "");
        record.put("writingEvaluation", "办事很快 & 很满意 = 好");

        TestApi.Answer answer = reportForm(record);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode rating = ratingOf(caseNo);
        assertThat(rating.path("level").asString()).isEqualTo("VERY_SATISFIED");
        assertThat(rating.path("channel").asString()).isEqualTo("WINDOW_DEVICE");
        assertThat(rating.path("comment").asString()).isEqualTo("办事很快 & 很满意 = 好");
    }

    @Test
    void aCaseAloneAndLaterItsRatingAreStoredAsTwoRecords() {
        String caseNo = Cases.newCaseNo();
        Map<String, String> caseOnly = ratedCase(caseNo);
        for (String ratingField : new String[] {"pf", "satisfaction", "evalDetail", "writingEvaluation", "assessTime",
                "assessNumber"}) {
            caseOnly.remove(ratingField);
        }
        TestApi.Answer stored = reportJson(caseOnly);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.text("kind")).isEqualTo("CASE");
        assertThat(reportJson(caseOnly).text("result")).isEqualTo("UNCHANGED");

        Map<String, String> ratingOnly = new LinkedHashMap<>();
        ratingOnly.put("projectNo", caseNo);
        ratingOnly.put("pf", "1");
        ratingOnly.put("satisfaction", "4");
        ratingOnly.put("assessTime", Zones.now(clock).minusMinutes(5).format(TIME));
        TestApi.Answer rated = reportJson(ratingOnly);

        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        JsonNode rating = ratingOf(caseNo);
        assertThat(rating.path("level").asString()).isEqualTo("SATISFIED");
        assertThat(rating.path("channel").asString()).isEqualTo("PC");
        assertThat(rating.path("evaluator").path("name").asString()).isEqualTo("李*");
    }

    @Test
    void aSystemDefaultOfTheSenderStaysADefault() {
        String caseNo = Cases.newCaseNo();
        Map<String, String> record = ratedCase(caseNo);
        record.put("pf", "8");
        record.put("satisfaction", "3");
        record.remove("evalDetail");
        record.remove("writingEvaluation");

        assertThat(reportJson(record).status()).isEqualTo(201);
        JsonNode rating = ratingOf(caseNo);
        assertThat(rating.path("channel").asString()).isEqualTo("SYSTEM_DEFAULT");
        assertThat(rating.path("defaulted").asBoolean()).isTrue();
        assertThat(rating.path("level").asString()).isEqualTo("BASIC");
    }

    @Test
    void aRecordOfAnotherRegionIsRefusedWith403AndStoresNothing() {
        String caseNo = Cases.newCaseNo();
        Map<String, String> record = ratedCase(caseNo);
        record.put("areaCode", "411081");
        record.put("deptCode", "11411081005052192T");

        TestApi.Answer answer = reportJson(record);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(count("casework_case", caseNo)).isZero();
        assertThat(count("exchange_inbound", caseNo)).isZero();
    }

    @Test
    void aMalformedRecordIsRefusedNamingEachFieldAndStoresNothing() {
        String caseNo = Cases.newCaseNo();
        Map<String, String> record = ratedCase(caseNo);
        record.put("satisfaction", "9");
        record.put("assessTime", "2026/11/26 9:30");
        record.put("deptCode", "000000000000000000");
        record.put("certKeyGOV", "4110<script>");

        TestApi.Answer answer = reportJson(record);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").findValuesAsString("field"))
                .contains("satisfaction", "assessTime", "deptCode", "certKeyGOV");
        assertThat(count("casework_case", caseNo)).isZero();
        assertThat(count("evaluation_evaluation", caseNo)).isZero();
    }

    @Test
    void brokenJsonAndFollowUpRatingsAreRefusedWith400() {
        TestApi.Answer broken = api.signed("POST", REPORTS, "{\"projectNo\": ", TestApi.LOWER, TestApi.LOWER_SECRET);
        assertThat(broken.status()).isEqualTo(400);

        Map<String, String> followUp = ratedCase(Cases.newCaseNo());
        followUp.put("assessNumber", "2");
        TestApi.Answer answer = reportJson(followUp);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("assessNumber");
    }

    @Test
    void unsignedOrStaffReportsAreRefused() {
        String body = TestApi.json(ratedCase(Cases.newCaseNo()));
        assertThat(api.post(REPORTS, body).status()).isEqualTo(401);
        assertThat(api.bearer(api.login("supervisor"), "POST", REPORTS, ratedCase(Cases.newCaseNo())).status())
                .isEqualTo(403);
        assertThat(api.signed("POST", REPORTS, body, TestApi.LOWER, "wrong-secret").status()).isEqualTo(401);
    }

    @Test
    void aCaseReportedByAnotherSourceCannotBeRatedThroughTheExchange() {
        String caseNo = Cases.newCaseNo();
        Map<String, Object> local = Cases.completedAtCityHall();
        local.put("itemCode", "ITEM-MZJ-001");
        local.put("itemName", "结婚登记");
        local.put("departmentCode", "WD-MZJ");
        local.put("serviceBodyCode", "WD-HALL");
        local.put("windowCode", "WD-HALL-W01");
        local.put("staffNo", "S2001");
        local.put("regionCode", "411002");
        assertThat(api.putCase(caseNo, local).status()).isEqualTo(201);

        TestApi.Answer answer = reportJson(ratedCase(caseNo));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(count("evaluation_evaluation", caseNo)).isZero();
    }

    @Test
    void dailyCountsAnswerWhatTheCallingSenderReportedThatDay() {
        String today = Zones.now(clock).toLocalDate().toString();
        JsonNode before = api.signed("GET", "/api/v1/exchange/daily-counts?date=" + today, null, TestApi.LOWER,
                TestApi.LOWER_SECRET).json();
        assertThat(reportJson(ratedCase(Cases.newCaseNo())).status()).isEqualTo(201);
        assertThat(reportJson(ratedCase(Cases.newCaseNo())).status()).isEqualTo(201);

        TestApi.Answer after = api.signed("GET", "/api/v1/exchange/daily-counts?date=" + today, null, TestApi.LOWER,
                TestApi.LOWER_SECRET);

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("cases").asLong()).isEqualTo(before.path("cases").asLong() + 2);
        assertThat(after.json().path("ratings").asLong()).isEqualTo(before.path("ratings").asLong() + 2);
        assertThat(after.json().path("sender").asString()).isEqualTo(TestApi.LOWER);
        JsonNode otherSender = api.signed("GET", "/api/v1/exchange/daily-counts?date=" + today, null,
                TestApi.BUSINESS, TestApi.BUSINESS_SECRET).json();
        assertThat(otherSender.path("ratings").asLong()).isZero();
        assertThat(api.signed("GET", "/api/v1/exchange/daily-counts?date=gestern", null, TestApi.LOWER,
                TestApi.LOWER_SECRET).status()).isEqualTo(400);
    }
}
