package org.haochaping.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** A business system reports cases: stored once, applicant sealed, invitation handed back once completed. */
class CaseIntakeTest extends IntegrationTest {

    @Test
    void completedCaseIsStoredAndAnsweredWithAnInvitation() {
        String caseNo = Cases.newCaseNo();
        TestApi.Answer answer = api.putCase(caseNo, Cases.completedAtCityHall());
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("caseNo").asString()).isEqualTo(caseNo);
        assertThat(answer.json().path("applicant").path("name").asString()).isEqualTo("张*");
        assertThat(answer.json().path("applicant").path("idNumber").asString()).isEqualTo("4110**********1234");
        assertThat(answer.json().path("applicant").path("mobile").asString()).isEqualTo("138****5678");
        String url = answer.json().path("invitation").path("url").asString();
        assertThat(url).startsWith(baseUrl() + "/e/");
        assertThat(answer.json().path("invitation").path("qrPngUrl").asString()).isEqualTo(url + "/qr.png");
    }

    @Test
    void sendingTheSameCaseAgainIsHarmless() {
        String caseNo = Cases.newCaseNo();
        TestApi.Answer first = api.putCase(caseNo, Cases.completedAtCityHall());
        TestApi.Answer second = api.putCase(caseNo, Cases.completedAtCityHall());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("invitation").path("url").asString())
                .isEqualTo(first.json().path("invitation").path("url").asString());
        assertThat(jdbc.sql("select count(*) from casework_case where case_no = :c").param("c", caseNo)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(distinct serialized_event) from event_publication where event_type like '%CaseCompleted' and serialized_event like :c")
                .param("c", "%" + caseNo + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void applicantIdentityIsNotStoredInPlainText() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        Map<String, Object> row = jdbc.sql("select * from casework_case where case_no = :c").param("c", caseNo)
                .query().singleRow();
        assertThat(row.values().stream().map(String::valueOf))
                .noneMatch(v -> v.contains("张三") || v.contains("411002199001011234") || v.contains("13812345678"));
    }

    @Test
    void unfinishedCaseGetsNoInvitationUntilItCompletes() {
        String caseNo = Cases.newCaseNo();
        Map<String, Object> body = Cases.completedAtCityHall();
        body.put("status", "IN_PROGRESS");
        body.remove("completedAt");
        TestApi.Answer accepted = api.putCase(caseNo, body);
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.json().path("invitation").isNull() || accepted.json().path("invitation").isMissingNode()).isTrue();
        TestApi.Answer completed = api.putCase(caseNo, Cases.completedAtCityHall());
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().path("invitation").path("url").asString()).contains("/e/");
    }

    @Test
    void completedCaseCannotGoBackToUnfinished() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        Map<String, Object> body = Cases.completedAtCityHall();
        body.put("status", "IN_PROGRESS");
        TestApi.Answer answer = api.putCase(caseNo, body);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("detail")).contains("已办结");
    }

    @Test
    void invalidCasesAreRefusedWithFieldErrorsAndNothingStored() {
        String caseNo = Cases.newCaseNo();
        Map<String, Object> body = Cases.completedAtCityHall();
        body.remove("itemName");
        body.put("status", "DONE");
        TestApi.Answer answer = api.putCase(caseNo, body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("status");

        Map<String, Object> unknownDepartment = Cases.completedAtCityHall();
        unknownDepartment.put("departmentCode", "NOPE");
        TestApi.Answer refused = api.putCase(caseNo, unknownDepartment);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("message").asString()).isEqualTo("未知的部门编码");

        Map<String, Object> missing = Cases.completedAtCityHall();
        missing.remove("itemName");
        assertThat(api.putCase(caseNo, missing).json().path("errors").get(0).path("field").asString()).isEqualTo("itemName");
        assertThat(api.putCase("bad%20case%20no!", Cases.completedAtCityHall()).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from casework_case where case_no = :c").param("c", caseNo)
                .query(Long.class).single()).isZero();
    }

    @Test
    void brokenJsonIsABadRequest() {
        TestApi.Answer answer = api.signed("PUT", "/api/v1/cases/" + Cases.newCaseNo(), "{\"itemCode\": ", TestApi.BUSINESS,
                TestApi.BUSINESS_SECRET);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("title")).isEqualTo("请求无效");
    }

    @Test
    void lowerPlatformMayOnlyReportCasesOfItsOwnRegion() {
        Map<String, Object> body = Cases.completedAtCityHall();
        TestApi.Answer answer = api.signed("PUT", "/api/v1/cases/" + Cases.newCaseNo(), TestApi.json(body), TestApi.LOWER,
                TestApi.LOWER_SECRET);
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void reprintReplacesTheEarlierInvitation() {
        String caseNo = Cases.newCaseNo();
        String first = api.putCase(caseNo, Cases.completedAtCityHall()).json().path("invitation").path("url").asString();
        TestApi.Answer reprint = api.business("GET", "/api/v1/cases/" + caseNo + "/invitation", null);
        assertThat(reprint.status()).isEqualTo(200);
        String second = reprint.text("url");
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get(first.substring(baseUrl().length())).status()).isEqualTo(410);
        assertThat(api.get(second.substring(baseUrl().length())).status()).isEqualTo(200);
    }
}
