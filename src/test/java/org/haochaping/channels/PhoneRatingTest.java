package org.haochaping.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;

/** 电话回访: the supervision office records a rating given on a call-back, with the call time; channel PHONE. */
class PhoneRatingTest extends IntegrationTest {

    private Map<String, Object> call(String caseNo, OffsetDateTime calledAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseNo", caseNo);
        body.put("level", "DISSATISFIED");
        body.put("dimensions", Map.of("EFFICIENCY", "DISSATISFIED"));
        body.put("reasons", java.util.List.of("OVERDUE"));
        body.put("comment", "电话回访：办理超时");
        body.put("calledAt", calledAt.toString());
        body.put("consentContact", true);
        return body;
    }

    private String completedCase() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        return caseNo;
    }

    @Test
    void supervisorRecordsARatingGivenOnACallBack() {
        String caseNo = completedCase();
        OffsetDateTime calledAt = Zones.now(clock).minusMinutes(5).withNano(0);
        TestApi.Answer answer = api.bearer(api.login("supervisor"), "POST", "/api/v1/evaluations/phone",
                call(caseNo, calledAt));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("channel")).isEqualTo("PHONE");
        assertThat(answer.text("level")).isEqualTo("DISSATISFIED");
        assertThat(OffsetDateTime.parse(answer.text("submittedAt")).toInstant()).as("dated at the call")
                .isEqualTo(calledAt.toInstant());
        var stored = jdbc.sql("select channel, consent_contact from evaluation_evaluation where case_no = :c")
                .param("c", caseNo).query().singleRow();
        assertThat(stored.get("channel")).isEqualTo("PHONE");
        assertThat(stored.get("consent_contact")).isEqualTo(true);
        assertThat(jdbc.sql("select count(*) from identity_audit_log where actor = 'supervisor' and action = 'PHONE_RATING' and target = :t")
                .param("t", "case:" + caseNo).query(Long.class).single()).isEqualTo(1);
        assertThat(api.bearer(api.login("supervisor"), "POST", "/api/v1/evaluations/phone", call(caseNo, calledAt))
                .status()).as("one rating per case").isEqualTo(409);
    }

    @Test
    void onlySupervisionStaffInScope() {
        String caseNo = completedCase();
        OffsetDateTime calledAt = Zones.now(clock).minusMinutes(1);
        assertThat(api.bearer(api.login("wd.supervisor"), "POST", "/api/v1/evaluations/phone", call(caseNo, calledAt))
                .status()).as("a county office for a city case").isEqualTo(404);
        for (String user : new String[] {"xc.handler", "s1001", "admin", "xc.hall"}) {
            assertThat(api.bearer(api.login(user), "POST", "/api/v1/evaluations/phone", call(caseNo, calledAt))
                    .status()).as(user).isEqualTo(403);
        }
        assertThat(api.post("/api/v1/evaluations/phone", TestApi.json(call(caseNo, calledAt))).status()).isEqualTo(401);
        assertThat(api.business("POST", "/api/v1/evaluations/phone", call(caseNo, calledAt)).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Long.class).single()).isZero();
    }

    @Test
    void callTimeIsRequiredAndPlausible() {
        String caseNo = completedCase();
        String token = api.login("supervisor");
        Map<String, Object> noTime = call(caseNo, Zones.now(clock));
        noTime.remove("calledAt");
        TestApi.Answer missing = api.bearer(token, "POST", "/api/v1/evaluations/phone", noTime);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("calledAt");
        assertThat(api.bearer(token, "POST", "/api/v1/evaluations/phone", call(caseNo, Zones.now(clock).plusHours(2)))
                .status()).as("in the future").isEqualTo(400);
        assertThat(api.bearer(token, "POST", "/api/v1/evaluations/phone", call(caseNo, Zones.now(clock).minusDays(2)))
                .status()).as("before the case was completed").isEqualTo(400);
        Map<String, Object> noLevel = call(caseNo, Zones.now(clock));
        noLevel.remove("level");
        assertThat(api.bearer(token, "POST", "/api/v1/evaluations/phone", noLevel).status()).isEqualTo(400);
        assertThat(api.bearer(token, "POST", "/api/v1/evaluations/phone", call("T-NO-SUCH-CASE", Zones.now(clock)))
                .status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Long.class).single()).isZero();
    }
}
