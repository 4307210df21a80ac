package org.haochaping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.TestApi;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Bad ratings made the way citizens make them, and their work orders, for the rectification tests. */
final class BadReviews {

    /** A rating and its work order. */
    record Rated(String caseNo, String evaluationId, String workOrderId) {
    }

    private final TestApi api;
    private final JdbcClient jdbc;

    BadReviews(TestApi api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A 不满意 rating of a case at the city hall (张伟, 市场监管局), given by its real-name applicant 张三. */
    Rated atCityHall() {
        return rate(Cases.completedAtCityHall(), "DISSATISFIED");
    }

    Rated atYuzhou() {
        return rate(Cases.completedAtYuzhou(), "VERY_DISSATISFIED");
    }

    Rated rate(Map<String, Object> caseBody, String level) {
        String caseNo = Cases.newCaseNo();
        TestApi.Answer reported = api.putCase(caseNo, caseBody);
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String url = reported.json().path("invitation").path("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token", token, "level", level,
                "comment", "窗口让我回去补材料，跑了三趟 " + caseNo)));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        String evaluationId = rated.text("id");
        if (!level.endsWith("DISSATISFIED")) {
            return new Rated(caseNo, evaluationId, null);
        }
        Await.until("work order of " + caseNo, () -> jdbc.sql(
                "select count(*) from rectification_work_order where evaluation_id = :e").param("e", evaluationId)
                .query(Long.class).single() == 1);
        String id = jdbc.sql("select id from rectification_work_order where evaluation_id = :e")
                .param("e", evaluationId).query(String.class).single();
        return new Rated(caseNo, evaluationId, id);
    }

    TestApi.Answer step(String user, String workOrderId, String step, Object body) {
        return api.bearer(api.login(user), "POST", "/api/v1/work-orders/" + workOrderId + step, body);
    }

    JsonNode order(String user, String workOrderId) {
        TestApi.Answer answer = api.bearer(api.login(user), "GET", "/api/v1/work-orders/" + workOrderId, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Confirmed by the city supervision office: the order is RECTIFYING. */
    Rated confirmed(Rated rated) {
        TestApi.Answer answer = step("supervisor", rated.workOrderId(), "/verification",
                Map.of("verdict", "CONFIRMED", "note", "经调取录像，情况属实"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return rated;
    }

    /** Confirmed and rectified by the department: the order is RECTIFIED. */
    Rated rectified(Rated rated) {
        confirmed(rated);
        TestApi.Answer answer = step("xc.handler", rated.workOrderId(), "/rectification",
                Map.of("measures", "一次性告知材料清单，窗口人员重新培训", "rootCause", "MATERIALS"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return rated;
    }

    /** Rectified and answered by SMS: the order is FEEDBACK_GIVEN. */
    Rated answered(Rated rated) {
        rectified(rated);
        TestApi.Answer answer = step("xc.handler", rated.workOrderId(), "/feedback",
                Map.of("channel", "SMS", "message", "已为您开通材料预审，并对窗口人员进行了培训"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return rated;
    }
}
