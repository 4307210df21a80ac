package org.haochaping.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;

/** 第九条: a completed case without a rating seven days after it was generated counts as 基本满意. */
class DefaultRatingTest extends IntegrationTest {

    private String completedDaysAgo(int days) {
        String caseNo = Cases.newCaseNo();
        Map<String, Object> body = Cases.completedAtCityHall();
        OffsetDateTime generated = OffsetDateTime.now(Zones.SHANGHAI).minusDays(days).truncatedTo(ChronoUnit.SECONDS);
        body.put("acceptedAt", generated.minusHours(1).toString());
        body.put("completedAt", generated.toString());
        body.put("generatedAt", generated.toString());
        api.putCase(caseNo, body);
        Await.until("the default clock of " + caseNo, () -> jdbc.sql(
                "select count(*) from evaluation_expected where case_no = :c").param("c", caseNo).query(Long.class).single() == 1);
        return caseNo;
    }

    private Map<String, Object> rating(String caseNo) {
        return jdbc.sql("select level, channel, defaulted, valid from evaluation_evaluation where case_no = :c")
                .param("c", caseNo).query().listOfRows().stream().findFirst().orElse(null);
    }

    private void runSweep() {
        assertThat(api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/default-evaluations/run", null).status())
                .isEqualTo(200);
    }

    @Test
    void caseWithoutRatingAfterSevenDaysGetsBasicSatisfaction() {
        String caseNo = completedDaysAgo(8);
        runSweep();
        assertThat(rating(caseNo)).containsEntry("level", "BASIC").containsEntry("channel", "SYSTEM_DEFAULT")
                .containsEntry("defaulted", true).containsEntry("valid", true);
    }

    @Test
    void caseYoungerThanSevenDaysIsLeftToTheCitizen() {
        String caseNo = completedDaysAgo(6);
        runSweep();
        assertThat(rating(caseNo)).isNull();
    }

    @Test
    void lateRatingAfterTheDefaultIsRefused() {
        String caseNo = completedDaysAgo(8);
        runSweep();
        TestApi.Answer late = api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo,
                "channel", "MOBILE", "level", "VERY_SATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET);
        assertThat(late.status()).isEqualTo(409);
        assertThat(rating(caseNo)).containsEntry("level", "BASIC");
    }

    @Test
    void ratedCaseIsNotDefaultedAndRunningTheSweepTwiceChangesNothing() {
        String caseNo = completedDaysAgo(8);
        assertThat(api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "PC",
                "level", "SATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET).status()).isEqualTo(201);
        runSweep();
        runSweep();
        assertThat(rating(caseNo)).containsEntry("level", "SATISFIED").containsEntry("defaulted", false);
    }
}
