package org.haochaping.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** Rating by token as JSON and from a trusted platform: one per case, bad input refused, nothing stored. */
class RatingApiTest extends IntegrationTest {

    private String invitedToken(String caseNo) {
        String url = api.putCase(caseNo, Cases.completedAtCityHall()).json().path("invitation").path("url").asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private long ratings(String caseNo) {
        return jdbc.sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Long.class).single();
    }

    private TestApi.Answer rate(Map<String, Object> body) {
        return api.post("/api/v1/evaluations", TestApi.json(body));
    }

    @Test
    void citizenRatesWithTheTokenFromTheReceipt() {
        String caseNo = Cases.newCaseNo();
        String token = invitedToken(caseNo);
        TestApi.Answer answer = rate(Map.of("token", token, "level", "SATISFIED",
                "dimensions", Map.of("ATTITUDE", "VERY_SATISFIED", "EFFICIENCY", "SATISFIED"),
                "reasons", List.of("EFFICIENT"), "comment", "办得很快"));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("caseNo")).isEqualTo(caseNo);
        assertThat(answer.text("level")).isEqualTo("SATISFIED");
        assertThat(answer.text("channel")).isEqualTo("QR");
        assertThat(answer.json().path("dimensions").path("ATTITUDE").asString()).isEqualTo("VERY_SATISFIED");
        assertThat(answer.json().has("evaluator")).isFalse();
        assertThat(ratings(caseNo)).isEqualTo(1);
        assertThat(jdbc.sql("select count(distinct serialized_event) from event_publication where event_type like '%EvaluationSubmitted' and serialized_event like :id")
                .param("id", "%" + answer.text("id") + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void usedTokenIsGone() {
        String caseNo = Cases.newCaseNo();
        String token = invitedToken(caseNo);
        assertThat(rate(Map.of("token", token, "level", "BASIC")).status()).isEqualTo(201);
        TestApi.Answer again = rate(Map.of("token", token, "level", "VERY_SATISFIED"));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.text("title")).isEqualTo("评价链接已使用");
        assertThat(ratings(caseNo)).isEqualTo(1);
    }

    @Test
    void secondRatingForTheSameCaseIsRefused() {
        String caseNo = Cases.newCaseNo();
        String token = invitedToken(caseNo);
        assertThat(api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "MOBILE",
                "level", "SATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET).status()).isEqualTo(201);
        TestApi.Answer second = rate(Map.of("token", token, "level", "VERY_DISSATISFIED"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("title")).isEqualTo("该办件已评价");
        assertThat(second.text("detail")).contains("一次服务只能评价一次");
        assertThat(ratings(caseNo)).isEqualTo(1);
        // the case is rated: its receipt link no longer opens the form
        assertThat(api.get("/e/" + token).status()).isEqualTo(409);
    }

    @Test
    void trustedPlatformRatesWithTheEvaluatorItVerified() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        TestApi.Answer answer = api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo,
                        "channel", "MOBILE", "level", "VERY_SATISFIED",
                        "evaluator", Map.of("type", "PERSON", "name", "李四", "idType", "ID_CARD",
                                "idNumber", "411002198805051111", "mobile", "13900001111"))),
                TestApi.PLATFORM, TestApi.PLATFORM_SECRET);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("channel")).isEqualTo("MOBILE");
        String sealedName = jdbc.sql("select evaluator_name from evaluation_evaluation where case_no = :c")
                .param("c", caseNo).query(String.class).single();
        assertThat(sealedName).startsWith("v1:").doesNotContain("李四");
    }

    @Test
    void businessSystemCannotRateByCaseNumber() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        assertThat(api.business("POST", "/api/v1/evaluations", Map.of("caseNo", caseNo, "channel", "PC",
                "level", "VERY_SATISFIED")).status()).isEqualTo(403);
        assertThat(ratings(caseNo)).isZero();
    }

    @Test
    void invalidInputIsRefusedAndStoresNothing() {
        String caseNo = Cases.newCaseNo();
        String token = invitedToken(caseNo);
        TestApi.Answer unknownLevel = rate(Map.of("token", token, "level", "GREAT"));
        assertThat(unknownLevel.status()).isEqualTo(400);
        assertThat(unknownLevel.json().path("errors").get(0).path("field").asString()).isEqualTo("level");

        assertThat(rate(Map.of("token", token)).status()).isEqualTo(400);
        assertThat(rate(Map.of("token", token, "level", "SATISFIED", "comment", "很".repeat(501))).status()).isEqualTo(400);
        assertThat(rate(Map.of("token", token, "level", "SATISFIED", "dimensions", Map.of("LUCK", "SATISFIED")))
                .status()).isEqualTo(400);
        TestApi.Answer wrongReason = rate(Map.of("token", token, "level", "SATISFIED", "reasons", List.of("ATTITUDE_POOR")));
        assertThat(wrongReason.status()).isEqualTo(400);
        assertThat(wrongReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reasons");
        assertThat(api.post("/api/v1/evaluations", "{\"token\": \"" + token + "\", \"level\": ").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/evaluations", "[1,2,3]").status()).isEqualTo(400);
        Map<String, Object> noToken = new HashMap<>();
        noToken.put("level", "SATISFIED");
        assertThat(rate(noToken).status()).isEqualTo(400);
        assertThat(ratings(caseNo)).isZero();
        // the token still works after all the refusals
        assertThat(rate(Map.of("token", token, "level", "SATISFIED")).status()).isEqualTo(201);
    }

    @Test
    void forgedTokenIsUnknown() {
        String caseNo = Cases.newCaseNo();
        String token = invitedToken(caseNo);
        String forged = token.substring(0, 30) + (token.charAt(30) == 'A' ? 'B' : 'A') + token.substring(31);
        assertThat(rate(Map.of("token", forged, "level", "SATISFIED")).status()).isEqualTo(404);
        assertThat(rate(Map.of("token", "x".repeat(44), "level", "SATISFIED")).status()).isEqualTo(404);
        assertThat(api.get("/e/" + forged).status()).isEqualTo(404);
        assertThat(ratings(caseNo)).isZero();
    }

    @Test
    void expiredTokenIsGone() {
        String caseNo = Cases.newCaseNo();
        String token = invitedToken(caseNo);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        TestApi.Answer answer = rate(Map.of("token", token, "level", "SATISFIED"));
        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.text("title")).isEqualTo("评价链接已过期");
        assertThat(ratings(caseNo)).isZero();
    }

    @Test
    void qrCodeAndReceiptAreServedForALiveToken() {
        String caseNo = Cases.newCaseNo();
        String token = invitedToken(caseNo);
        TestApi.Answer png = api.get("/e/" + token + "/qr.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        TestApi.Answer receipt = api.get("/e/" + token + "/receipt");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body()).contains(caseNo).contains("企业设立登记").contains("/e/" + token + "/qr.png");
    }

    @Test
    void ratingPageFormWorksWithoutJavaScript() {
        String caseNo = Cases.newCaseNo();
        String token = invitedToken(caseNo);
        TestApi.Answer page = api.get("/e/" + token);
        assertThat(page.body()).contains("企业设立登记").contains(caseNo).contains("许昌市市场监督管理局")
                .contains("许昌市政务服务中心");
        TestApi.Answer posted = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/e/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "level=VERY_DISSATISFIED&reasons=VERY_DISSATISFIED%3AMANY_TRIPS&reasons=SATISFIED%3AEFFICIENT"
                                + "&dim_TRIPS=VERY_DISSATISFIED&comment=%E8%B7%91%E4%BA%86%E4%B8%89%E8%B6%9F&consentContact=on"))
                .build());
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body()).contains("感谢您的评价");
        Map<String, Object> row = jdbc.sql("select level, channel, comment, consent_contact from evaluation_evaluation where case_no = :c")
                .param("c", caseNo).query().singleRow();
        assertThat(row).containsEntry("level", "VERY_DISSATISFIED").containsEntry("channel", "QR")
                .containsEntry("comment", "跑了三趟").containsEntry("consent_contact", true);
        assertThat(jdbc.sql("select reason_code from evaluation_reason r join evaluation_evaluation e on e.id = r.evaluation_id where e.case_no = :c")
                .param("c", caseNo).query(String.class).list()).containsExactly("MANY_TRIPS");
    }
}
