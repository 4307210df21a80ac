package org.haochaping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.InvalidationReason;
import org.haochaping.identity.DataScope;
import org.haochaping.rectification.internal.FeedbackTokens;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The bad-review loop over real HTTP (第九条 to 第十一条): verification, rectification within the deadline,
 * feedback with a follow-up rating, call-back and closing; illegal steps answer 409, wrong roles 403.
 */
class BadReviewLoopTest extends IntegrationTest {

    @Autowired
    FeedbackTokens tokens;

    @Autowired
    RectificationManagement rectification;

    @Autowired
    EvaluationManagement evaluations;

    BadReviews bad;

    @BeforeEach
    void setUp() {
        bad = new BadReviews(api, jdbc);
    }

    @Test
    void badRatingGoesFromVerificationToAClosedCallBack() {
        BadReviews.Rated rated = bad.atCityHall();
        LocalDate today = LocalDate.now(clock);

        JsonNode opened = bad.order("supervisor", rated.workOrderId());
        assertThat(opened.path("status").asString()).isEqualTo("PENDING_VERIFICATION");
        assertThat(opened.path("actions").toString()).contains("VERIFY");

        TestApi.Answer confirmed = bad.step("supervisor", rated.workOrderId(), "/verification",
                Map.of("verdict", "CONFIRMED", "note", "经调取录像，情况属实"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("RECTIFYING");
        assertThat(confirmed.text("deadline")).as("15 natural days from the rating").isEqualTo(today.plusDays(15).toString());
        assertThat(confirmed.json().path("overdue").asBoolean()).isFalse();

        TestApi.Answer withoutCause = bad.step("xc.handler", rated.workOrderId(), "/rectification",
                Map.of("measures", "已整改"));
        assertThat(withoutCause.status()).as("a root cause is required").isEqualTo(400);
        assertThat(withoutCause.json().path("errors").get(0).path("field").asString()).isEqualTo("rootCause");

        TestApi.Answer rectified = bad.step("xc.handler", rated.workOrderId(), "/rectification",
                Map.of("measures", "一次性告知材料清单，窗口人员重新培训", "rootCause", "MATERIALS"));
        assertThat(rectified.status()).as(rectified.body()).isEqualTo(200);
        assertThat(rectified.text("status")).isEqualTo("RECTIFIED");
        assertThat(rectified.json().path("rectification").path("rootCauseLabel").asString()).isEqualTo("材料");
        assertThat(rectified.json().path("rectification").path("onTime").asBoolean()).isTrue();

        TestApi.Answer answered = bad.step("xc.handler", rated.workOrderId(), "/feedback",
                Map.of("channel", "SMS", "message", "已为您开通材料预审，并对窗口人员进行了培训"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.text("status")).isEqualTo("FEEDBACK_GIVEN");

        // the SMS waits in the outbox for the gateway, with a one-time link to the feedback page
        Map<String, Object> sms = jdbc.sql("select channel, status, body, token_id from rectification_outbox where work_order_id = :id")
                .param("id", rated.workOrderId()).query().singleRow();
        assertThat(sms).containsEntry("channel", "SMS").containsEntry("status", "PENDING");
        assertThat((String) sms.get("body")).contains("企业设立登记", rated.caseNo(), "已为您开通材料预审");
        String path = tokens.pathFor((String) sms.get("token_id"));
        String token = path.substring("/f/".length());

        TestApi.Answer page = api.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("已为您开通材料预审", "一次性告知材料清单", "追评");

        TestApi.Answer followUp = api.post("/api/v1/evaluations/" + rated.evaluationId() + "/follow-up",
                TestApi.json(Map.of("token", token, "level", "SATISFIED", "comment", "这次很快就办好了")));
        assertThat(followUp.status()).as(followUp.body()).isEqualTo(201);
        assertThat(followUp.json().path("assessNumber").asInt()).isEqualTo(2);
        TestApi.Answer again = api.post("/api/v1/evaluations/" + rated.evaluationId() + "/follow-up",
                TestApi.json(Map.of("token", token, "level", "VERY_SATISFIED")));
        assertThat(again.status()).as("one follow-up per rating").isEqualTo(409);

        JsonNode beforeCall = bad.order("supervisor", rated.workOrderId());
        assertThat(beforeCall.path("followUp").path("levelLabel").asString()).isEqualTo("满意");
        assertThat(beforeCall.path("evaluator").path("mobile").asString()).isEqualTo("138****5678");
        assertThat(beforeCall.path("actions").toString()).contains("CALLBACK", "REVEAL_CONTACT");

        TestApi.Answer contact = bad.step("supervisor", rated.workOrderId(), "/evaluator-contact",
                Map.of("purpose", "回访"));
        assertThat(contact.status()).as(contact.body()).isEqualTo(200);
        assertThat(contact.text("mobile")).isEqualTo("13812345678");
        assertThat(jdbc.sql("select count(*) from identity_audit_log where action = 'REVEAL_EVALUATOR_CONTACT' and target = :t")
                .param("t", "evaluation:" + rated.evaluationId()).query(Long.class).single()).isEqualTo(1);

        TestApi.Answer calledBack = bad.step("supervisor", rated.workOrderId(), "/callback",
                Map.of("reached", true, "satisfied", true, "note", "评价人表示满意"));
        assertThat(calledBack.status()).as(calledBack.body()).isEqualTo(200);
        assertThat(calledBack.text("status")).isEqualTo("CLOSED");
        assertThat(calledBack.text("outcome")).isEqualTo("RESOLVED");

        JsonNode closed = bad.order("supervisor", rated.workOrderId());
        assertThat(closed.path("history").findValuesAsString("action")).containsExactly("OPENED",
                "VERIFIED_CONFIRMED", "RECTIFIED", "FEEDBACK_GIVEN", "FOLLOW_UP_RATED", "CONTACT_REVEALED",
                "CALLED_BACK_SATISFIED", "CLOSED");
        assertThat(jdbc.sql("select count(*) from identity_audit_log where target = :t and action like 'WORK_ORDER_%'")
                .param("t", "work-order:" + rated.workOrderId()).query(Long.class).single())
                .as("every step audited").isEqualTo(7);

        RectificationFigures figures = rectification.figures(DataScope.everything(), today, today, null, "XC-SCJG");
        assertThat(figures.rectified()).isPositive();
        assertThat(figures.calledBack()).isPositive();
    }

    @Test
    void theRatedDepartmentNeverSeesWhoRated() {
        BadReviews.Rated rated = bad.atCityHall();
        TestApi.Answer handler = api.bearer(api.login("xc.handler"), "GET", "/api/v1/work-orders/" + rated.workOrderId(), null);
        assertThat(handler.status()).isEqualTo(200);
        assertThat(handler.json().has("evaluator")).isFalse();
        assertThat(handler.body()).doesNotContain("张三", "张*", "13812345678", "138****5678", "411002199001011234");
        assertThat(handler.json().path("rating").path("comment").asString()).contains("跑了三趟");

        TestApi.Answer reveal = bad.step("xc.handler", rated.workOrderId(), "/evaluator-contact", Map.of("purpose", "回访"));
        assertThat(reveal.status()).isEqualTo(403);
    }

    @Test
    void aStillDissatisfiedEvaluatorSendsTheOrderBackToRectification() {
        BadReviews.Rated rated = bad.answered(bad.atCityHall());
        clock.advance(java.time.Duration.ofDays(3));
        TestApi.Answer reopened = bad.step("supervisor", rated.workOrderId(), "/callback",
                Map.of("reached", true, "satisfied", false, "note", "材料仍要求重复提交"));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.text("status")).isEqualTo("RECTIFYING");
        assertThat(reopened.text("deadline")).as("a fresh period from the reopening")
                .isEqualTo(LocalDate.now(clock).plusDays(15).toString());
        assertThat(reopened.json().path("reopenedCount").asInt()).isEqualTo(1);
        TestApi.Answer notices = api.bearer(api.login("xc.handler"), "GET", "/api/v1/work-orders/notifications", null);
        assertThat(notices.body()).contains("重新整改");
    }

    @Test
    void anUnfoundedComplaintIsExplainedAndTheRatingStaysValid() {
        BadReviews.Rated rated = bad.atCityHall();
        TestApi.Answer unfounded = bad.step("supervisor", rated.workOrderId(), "/verification",
                Map.of("verdict", "UNFOUNDED", "note", "该事项法定需提交原件，窗口按规定办理"));
        assertThat(unfounded.status()).as(unfounded.body()).isEqualTo(200);
        assertThat(unfounded.text("status")).isEqualTo("CLOSED");
        assertThat(unfounded.text("outcome")).isEqualTo("UNFOUNDED");
        assertThat(jdbc.sql("select body from rectification_outbox where work_order_id = :id and kind = 'EXPLANATION'")
                .param("id", rated.workOrderId()).query(String.class).single()).contains("不属实", "法定需提交原件");
        TestApi.Answer rating = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations/" + rated.evaluationId(), null);
        assertThat(rating.json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void aMaliciousRatingBecomesInvalidAndItsOrderCloses() {
        BadReviews.Rated rated = bad.atCityHall();
        TestApi.Answer malicious = bad.step("supervisor", rated.workOrderId(), "/verification",
                Map.of("verdict", "MALICIOUS", "note", "评价人承认因私人纠纷故意差评"));
        assertThat(malicious.status()).as(malicious.body()).isEqualTo(200);
        assertThat(malicious.text("outcome")).isEqualTo("INVALID");
        TestApi.Answer rating = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations/" + rated.evaluationId(), null);
        assertThat(rating.json().path("valid").asBoolean()).isFalse();
        assertThat(jdbc.sql("select reason from evaluation_invalidation where evaluation_id = :e")
                .param("e", rated.evaluationId()).query(String.class).single()).isEqualTo("MALICIOUS");
    }

    @Test
    void illegalStepsAnswerConflictAndWrongRolesAreRefused() {
        BadReviews.Rated rated = bad.atCityHall();
        TestApi.Answer early = bad.step("xc.handler", rated.workOrderId(), "/rectification",
                Map.of("measures", "已整改", "rootCause", "PROCESS"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("title")).isEqualTo("工单状态不允许提交整改结果");
        assertThat(early.text("detail")).contains("「待核实」");

        assertThat(bad.step("xc.handler", rated.workOrderId(), "/verification", Map.of("verdict", "CONFIRMED")).status())
                .as("the department does not verify its own bad rating").isEqualTo(403);
        assertThat(bad.step("supervisor", rated.workOrderId(), "/verification", Map.of("verdict", "MAYBE")).status())
                .as("unknown verdict").isEqualTo(400);

        bad.step("supervisor", rated.workOrderId(), "/verification",
                Map.of("verdict", "UNFOUNDED", "note", "按规定办理"));
        TestApi.Answer closed = bad.step("supervisor", rated.workOrderId(), "/verification",
                Map.of("verdict", "CONFIRMED"));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.text("title")).isEqualTo("工单已办结");
        assertThat(bad.step("supervisor", rated.workOrderId(), "/callback", Map.of("reached", true, "satisfied", true))
                .status()).isEqualTo(409);
        assertThat(bad.order("supervisor", rated.workOrderId()).path("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void anExtensionIsAskedByTheDepartmentAndDecidedByTheSupervisionOffice() {
        BadReviews.Rated rated = bad.confirmed(bad.atCityHall());
        LocalDate deadline = LocalDate.now(clock).plusDays(15);

        TestApi.Answer tooEarly = bad.step("xc.handler", rated.workOrderId(), "/extension",
                Map.of("reason", "需省级系统配合", "newDeadline", deadline.minusDays(1).toString()));
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.json().path("errors").get(0).path("field").asString()).isEqualTo("newDeadline");

        TestApi.Answer asked = bad.step("xc.handler", rated.workOrderId(), "/extension",
                Map.of("reason", "需省级系统配合修改", "newDeadline", deadline.plusDays(10).toString()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.text("status")).isEqualTo("EXTENSION_REQUESTED");
        assertThat(asked.text("deadline")).as("unchanged until approved").isEqualTo(deadline.toString());

        assertThat(bad.step("xc.handler", rated.workOrderId(), "/extension/decision", Map.of("approved", true)).status())
                .as("the department does not approve its own extension").isEqualTo(403);
        TestApi.Answer approved = bad.step("supervisor", rated.workOrderId(), "/extension/decision",
                Map.of("approved", true, "note", "同意"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("RECTIFYING");
        assertThat(approved.text("deadline")).isEqualTo(deadline.plusDays(10).toString());
        assertThat(bad.step("supervisor", rated.workOrderId(), "/extension/decision", Map.of("approved", true)).status())
                .as("nothing to decide any more").isEqualTo(409);
    }

    @Test
    void aRatingInvalidatedElsewhereClosesItsOrderAsInvalid() {
        BadReviews.Rated rated = bad.confirmed(bad.atCityHall());
        evaluations.invalidate(rated.evaluationId(), InvalidationReason.FRAUD_CONFIRMED, "诚信审查确认刷评", "auditor-x");
        org.haochaping.support.Await.until("order closed", () -> "CLOSED".equals(jdbc.sql(
                "select status from rectification_work_order where id = :id").param("id", rated.workOrderId())
                .query(String.class).single()));
        JsonNode order = bad.order("supervisor", rated.workOrderId());
        assertThat(order.path("outcome").asString()).isEqualTo("INVALID");
        assertThat(order.path("history").findValuesAsString("action")).containsOnlyOnce("CLOSED_INVALID");
    }

    @Test
    void invalidFiltersAreRefusedWithAChineseError() {
        TestApi.Answer status = api.bearer(api.login("supervisor"), "GET", "/api/v1/work-orders?status=DONE", null);
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.text("title")).isEqualTo("请求无效");
        assertThat(api.bearer(api.login("supervisor"), "GET", "/api/v1/work-orders?overdue=maybe", null).status())
                .isEqualTo(400);
        assertThat(api.bearer(api.login("supervisor"), "GET", "/api/v1/work-orders?page=-3&size=100000", null).status())
                .isEqualTo(200);
    }

    @Test
    void forgedOrForeignFollowUpLinksAreRefused() {
        BadReviews.Rated rated = bad.answered(bad.atCityHall());
        String tokenId = jdbc.sql("select token_id from rectification_outbox where work_order_id = :id")
                .param("id", rated.workOrderId()).query(String.class).single();
        String token = tokens.pathFor(tokenId).substring(3);
        String forged = token.substring(0, 30) + (token.charAt(30) == 'A' ? 'B' : 'A') + token.substring(31);
        assertThat(api.post("/api/v1/evaluations/" + rated.evaluationId() + "/follow-up",
                TestApi.json(Map.of("token", forged, "level", "SATISFIED"))).status()).isEqualTo(404);
        BadReviews.Rated other = bad.atCityHall();
        assertThat(api.post("/api/v1/evaluations/" + other.evaluationId() + "/follow-up",
                TestApi.json(Map.of("token", token, "level", "SATISFIED"))).status())
                .as("a link rates only its own rating").isEqualTo(404);
        assertThat(api.get("/f/" + forged).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/evaluations/" + rated.evaluationId() + "/follow-up",
                TestApi.json(Map.of("token", token))).status()).as("a level is required").isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from rectification_follow_up where evaluation_id = :e")
                .param("e", rated.evaluationId()).query(Long.class).single()).isZero();
    }

    @Test
    void feedbackBySmsNeedsTheEvaluatorsMobile() {
        Map<String, Object> anonymous = org.haochaping.support.Cases.completedAtCityHall();
        anonymous.put("applicant", Map.of("type", "PERSON", "name", "李四"));
        BadReviews.Rated rated = bad.rectified(bad.rate(anonymous, "DISSATISFIED"));
        TestApi.Answer sms = bad.step("xc.handler", rated.workOrderId(), "/feedback",
                Map.of("channel", "SMS", "message", "已整改"));
        assertThat(sms.status()).isEqualTo(400);
        TestApi.Answer online = bad.step("xc.handler", rated.workOrderId(), "/feedback",
                Map.of("channel", "ONLINE", "message", "已整改，详见用户中心"));
        assertThat(online.status()).as(online.body()).isEqualTo(200);
        assertThat(online.text("status")).as("no real name: nobody to call back, so the feedback ends it")
                .isEqualTo("CLOSED");
    }
}
