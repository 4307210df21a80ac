package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.ApplicantType;
import org.haochaping.casework.PersonalIdentity;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.Level;
import org.haochaping.evaluation.SubmitEvaluation;
import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each fraud signal, raised by the pattern it names, explained, and held only when the score reaches the threshold. */
class FraudSignalsTest extends IntegrityTest {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    EvaluationManagement evaluations;

    @Test
    void scriptedFiveStarCampaignOnSequentialCasesIsHeldWhole() {
        String prefix = uniquePrefix();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            ids.add(rateWithToken(prefix + String.format("%04d", i), cityHall(person(null), 0),
                    Map.of("level", "VERY_SATISFIED", "comment", "服务特别好，效率非常高，必须点赞！")));
        }
        awaitScored(ids);
        ids.forEach(this::awaitHeld);
        assertThat(signals(ids.get(0))).contains("SEQUENTIAL_CASES", "IDENTICAL_COMMENTS", "INSTANT_RATINGS", "WINDOW_BURST");
        assertThat(signals(ids.get(11))).contains("SEQUENTIAL_CASES", "IDENTICAL_COMMENTS", "INSTANT_RATINGS", "WINDOW_BURST");
        assertThat(score(ids.get(11))).isEqualTo(100);
        assertThat(jdbc.sql("select detail from integrity_signal where evaluation_id = :id and signal = 'WINDOW_BURST'")
                .param("id", ids.get(11)).query(String.class).list().get(0)).contains("XC-HALL-W01").contains("阈值 10 次");
    }

    @Test
    void staffRatingACaseOfTheirOwnWindowIsHeldAtOnce() {
        String mobile = randomMobile();
        catalog.recordStaffIdentity("S1001", null, mobile);
        try {
            String id = rateWithToken(Cases.newCaseNo(), cityHall(person(mobile), 30), Map.of("level", "VERY_SATISFIED"));
            awaitHeld(id);
            assertThat(signals(id)).containsExactly("STAFF_OWN_WINDOW");
            assertThat(score(id)).isEqualTo(90);
        } finally {
            catalog.recordStaffIdentity("S1001", null, null);
        }
    }

    @Test
    void evaluatorWhoIsStaffOfTheRatedDepartmentIsHeld() {
        String mobile = randomMobile();
        catalog.recordStaffIdentity("S1002", null, mobile);
        try {
            String id = rateWithToken(Cases.newCaseNo(), atWindow("XC-HALL-W01", person(mobile), 30),
                    Map.of("level", "SATISFIED"));
            awaitHeld(id);
            assertThat(signals(id)).containsExactly("EVALUATOR_IS_STAFF");
            assertThat(jdbc.sql("select detail from integrity_signal where evaluation_id = :id").param("id", id)
                    .query(String.class).single()).contains("S1002");
        } finally {
            catalog.recordStaffIdentity("S1002", null, null);
        }
    }

    @Test
    void oneEvaluatorsBurstOfGoodRatingsIsASignalButAloneNotAHold() {
        Map<String, Object> agent = person(null);
        List<String> ids = new ArrayList<>();
        ids.add(rateWithToken(Cases.newCaseNo(), atWindow("XC-HALL-W01", agent, 120), Map.of("level", "VERY_SATISFIED")));
        clock.advance(Duration.ofMinutes(2));
        ids.add(rateWithToken(Cases.newCaseNo(), atWindow("XC-HALL-W02", agent, 120), Map.of("level", "SATISFIED")));
        clock.advance(Duration.ofMinutes(2));
        ids.add(rateWithToken(Cases.newCaseNo(), atWeidu(agent, 120), Map.of("level", "VERY_SATISFIED")));
        clock.advance(Duration.ofMinutes(2));
        ids.add(rateWithToken(Cases.newCaseNo(), atYuzhou(agent, 120), Map.of("level", "VERY_SATISFIED")));
        awaitScored(ids);
        for (String id : ids) {
            Await.until("burst signal on every member", () -> signals(id).contains("EVALUATOR_BURST") && score(id) == 40);
            assertThat(signals(id)).containsExactly("EVALUATOR_BURST");
            assertThat(status(id)).isEqualTo("CLEAR");
            assertThat(quarantined(id)).isFalse();
        }
    }

    @Test
    void aFloodFromOneEvaluatorIsCountedUpToTenTimesTheThresholdAndEachMemberFlaggedOnce() {
        Map<String, Object> agent = person(null);
        List<String> ids = new ArrayList<>();
        String[] windows = {"XC-HALL-W01", "XC-HALL-W02"};
        for (int i = 0; i < 44; i++) {
            ids.add(rateWithToken(Cases.newCaseNo(), atWindow(windows[i % 2], agent, 120),
                    Map.of("level", "VERY_SATISFIED")));
        }
        awaitScored(ids);
        for (String id : ids) {
            Await.until("burst signal on " + id, () -> signals(id).contains("EVALUATOR_BURST"));
        }
        assertThat(jdbc.sql("select count(*) from integrity_signal where signal = 'EVALUATOR_BURST'"
                + " and evaluation_id in (:ids)").param("ids", ids).query(Long.class).single())
                .as("one flag per rating, however long the flood").isEqualTo(ids.size());
        // the ratings scored after the fortieth see a capped count
        assertThat(jdbc.sql("select detail from integrity_signal where signal = 'EVALUATOR_BURST'"
                + " and evaluation_id in (:ids)").param("ids", ids).query(String.class).list())
                .anySatisfy(detail -> assertThat(detail).contains("至少 40 次好评"));
    }

    @Test
    void evaluatorRepeatedlyPraisingOneStaffMemberInABurstIsHeld() {
        Map<String, Object> friend = person(null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(rateWithToken(Cases.newCaseNo(), cityHall(friend, 90), Map.of("level", "VERY_SATISFIED")));
            clock.advance(Duration.ofMinutes(1));
        }
        awaitScored(ids);
        String last = ids.get(4);
        awaitHeld(last);
        assertThat(signals(last)).contains("SAME_STAFF_REPEATED", "EVALUATOR_BURST");
    }

    @Test
    void windowDevicePressesFasterThanAPersonAreASignal() {
        String first = rateOnChannel(Cases.newCaseNo(), atWindow("XC-HALL-W02", person(null), 60), "WINDOW_DEVICE",
                Map.of("level", "VERY_SATISFIED"));
        clock.advance(Duration.ofSeconds(6));
        String second = rateOnChannel(Cases.newCaseNo(), atWindow("XC-HALL-W02", person(null), 50), "WINDOW_DEVICE",
                Map.of("level", "VERY_SATISFIED"));
        awaitScored(List.of(first, second));
        Await.until("device signal on both", () -> signals(first).contains("DEVICE_TOO_FAST")
                && signals(second).contains("DEVICE_TOO_FAST"));
        assertThat(jdbc.sql("select detail from integrity_signal where evaluation_id = :id").param("id", second)
                .query(String.class).single()).contains("6 秒");
    }

    @Test
    void manyGoodRatingsFromOneAddressInAFewMinutesAreASignalOnEveryMember() {
        String address = randomAddress();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> applicant = person(null);
            Map<String, Object> c = switch (i % 4) {
                case 0 -> atWindow("XC-HALL-W01", applicant, 120);
                case 1 -> atWindow("XC-HALL-W02", applicant, 120);
                case 2 -> atWeidu(applicant, 120);
                default -> atYuzhou(applicant, 120);
            };
            ids.add(rateFrom(address, Cases.newCaseNo(), c, Map.of("level", i % 3 == 0 ? "SATISFIED" : "VERY_SATISFIED")));
            clock.advance(Duration.ofSeconds(50));
        }
        awaitScored(ids);
        for (String id : ids) {
            Await.until("address signal on every member", () -> signals(id).contains("ADDRESS_BURST"));
            assertThat(signals(id)).containsExactly("ADDRESS_BURST");
            assertThat(status(id)).as("one weak signal alone is no hold").isEqualTo("CLEAR");
        }
        String detail = jdbc.sql("select detail from integrity_signal where evaluation_id = :id and signal = 'ADDRESS_BURST'")
                .param("id", ids.get(9)).query(String.class).single();
        assertThat(detail).contains("同一网络地址", "10 次好评", "阈值 10 次").doesNotContain(address);
        String key = jdbc.sql("select address_key from integrity_rating where evaluation_id = :id").param("id", ids.get(0))
                .query(String.class).single();
        assertThat(key).as("only the keyed index is kept").matches("[0-9a-f]{64}").doesNotContain(address);
    }

    @Test
    void goodRatingsFromManyAddressesOrSpreadOverTheDayRaiseNoAddressSignal() {
        String household = randomAddress();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> c = i % 2 == 0 ? atWindow("XC-HALL-W01", person(null), 120) : atWeidu(person(null), 120);
            ids.add(rateFrom(randomAddress(), Cases.newCaseNo(), c, Map.of("level", "VERY_SATISFIED")));
            ids.add(rateFrom(household, Cases.newCaseNo(), i % 2 == 0 ? atYuzhou(person(null), 120)
                    : atWindow("XC-HALL-W02", person(null), 120), Map.of("level", "VERY_SATISFIED")));
            clock.advance(Duration.ofMinutes(2));
        }
        String local = rateWithToken(Cases.newCaseNo(), atYuzhou(person(null), 120), Map.of("level", "SATISFIED"));
        awaitScored(ids);
        awaitScored(local);
        assertThat(ids).allSatisfy(id -> assertThat(signals(id)).doesNotContain("ADDRESS_BURST"));
        assertThat(jdbc.sql("select count(distinct address_key) from integrity_rating where evaluation_id in (:ids)")
                .param("ids", ids).query(Long.class).single()).isGreaterThan(10);
        assertThat(jdbc.sql("select address_key from integrity_rating where evaluation_id = :id").param("id", local)
                .query(String.class).optional().orElse(null)).as("a call from this machine is nobody's address").isNull();
    }

    @Test
    void aSelfServiceTerminalRatingFasterThanAPersonCanIsASignal() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String caseNo = Cases.newCaseNo();
            api.putCase(caseNo, cityHall(person(null), 5));
            String url = api.signed("POST", "/api/v1/terminals/TERM-XC-01/invitations",
                    TestApi.json(Map.of("caseNo", caseNo)), "demo-terminal-xc-01", "demo-terminal-secret-2026").text("url");
            ids.add(rateToken(randomAddress(), url.substring(url.lastIndexOf('/') + 1), Map.of("level", "VERY_SATISFIED")));
            clock.advance(Duration.ofSeconds(8));
        }
        awaitScored(ids);
        for (String id : ids) {
            Await.until("device signal on both", () -> signals(id).contains("DEVICE_TOO_FAST"));
        }
        assertThat(jdbc.sql("select detail from integrity_signal where evaluation_id = :id and signal = 'DEVICE_TOO_FAST'")
                .param("id", ids.get(1)).query(String.class).single()).contains("自助终端 TERM-XC-01", "8 秒", "20 秒");
        assertThat(signals(ids.get(1))).doesNotContain("ADDRESS_BURST");
    }

    @Test
    void aSelfServiceTerminalAtAPersonsPaceRaisesNoSpeedSignal() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caseNo = Cases.newCaseNo();
            api.putCase(caseNo, cityHall(person(null), 5));
            String url = api.signed("POST", "/api/v1/terminals/TERM-XC-01/invitations",
                    TestApi.json(Map.of("caseNo", caseNo)), "demo-terminal-xc-01", "demo-terminal-secret-2026").text("url");
            ids.add(rateToken(randomAddress(), url.substring(url.lastIndexOf('/') + 1), Map.of("level", "SATISFIED")));
            clock.advance(Duration.ofSeconds(90));
        }
        awaitScored(ids);
        assertThat(ids).allSatisfy(id -> assertThat(signals(id)).doesNotContain("DEVICE_TOO_FAST"));
        assertThat(jdbc.sql("select count(*) from integrity_rating where device_code = 'TERM-XC-01' and evaluation_id in (:ids)")
                .param("ids", ids).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void abusiveBadRatingIsHeldForReview() {
        String id = rateWithToken(Cases.newCaseNo(), cityHall(person(null), 60),
                Map.of("level", "VERY_DISSATISFIED", "comment", "窗口那个人就是个废 物！"));
        awaitHeld(id);
        assertThat(signals(id)).containsExactly("ABUSIVE_TEXT");
        assertThat(jdbc.sql("select detail from integrity_signal where evaluation_id = :id").param("id", id)
                .query(String.class).single()).contains("废*").doesNotContain("废物");
    }

    @Test
    void badRatingsScatteredOverUnrelatedDepartmentsAreASignal() {
        Map<String, Object> grumbler = person(null);
        List<String> ids = new ArrayList<>();
        ids.add(rateWithToken(Cases.newCaseNo(), cityHall(grumbler, 600), Map.of("level", "DISSATISFIED")));
        clock.advance(Duration.ofDays(2));
        ids.add(rateWithToken(Cases.newCaseNo(), atWeidu(grumbler, 600), Map.of("level", "VERY_DISSATISFIED")));
        clock.advance(Duration.ofDays(3));
        ids.add(rateWithToken(Cases.newCaseNo(), atYuzhou(grumbler, 600), Map.of("level", "DISSATISFIED")));
        awaitScored(ids);
        for (String id : ids) {
            Await.until("scattered-bad signal on every member", () -> signals(id).contains("SCATTERED_BAD"));
        }
        assertThat(jdbc.sql("select detail from integrity_signal where evaluation_id = :id").param("id", ids.get(2))
                .query(String.class).single()).contains("3 个部门");
    }

    @Test
    void ratingDatedBeforeTheCaseWasFinishedIsHeld() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, cityHall(person(null), 10));
        OffsetDateTime before = now().minusHours(3);
        String id = evaluations.submit(new SubmitEvaluation(caseNo, Channel.PC, Level.VERY_DISSATISFIED, Map.of(),
                List.of(), "还没办完就差评", new PersonalIdentity(ApplicantType.PERSON, "赵六", "ID_CARD",
                        "411002198001011111", randomMobile()), false, false, before)).id();
        awaitHeld(id);
        assertThat(signals(id)).contains("RATED_BEFORE_COMPLETION");
    }

    @Test
    void identicalDimensionVectorsInABatchAreASignal() {
        Map<String, Object> dims = Map.of("ATTITUDE", "VERY_SATISFIED", "EFFICIENCY", "SATISFIED",
                "MATERIALS", "VERY_SATISFIED", "TRIPS", "SATISFIED", "INTEGRITY", "VERY_SATISFIED");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(rateWithToken(Cases.newCaseNo(), atWindow(i % 2 == 0 ? "XC-HALL-W01" : "XC-HALL-W02", person(null),
                    300), Map.of("level", "SATISFIED", "dimensions", dims)));
            clock.advance(Duration.ofMinutes(7));
        }
        awaitScored(ids);
        Await.until("vector signal", () -> signals(ids.get(4)).contains("IDENTICAL_DIMENSIONS"));
        Await.until("vector signal on the first too", () -> signals(ids.get(0)).contains("IDENTICAL_DIMENSIONS"));
        assertThat(status(ids.get(4))).isEqualTo("CLEAR");
    }

    @Test
    void anOrdinaryRatingRaisesNothing() {
        String id = rateWithToken(Cases.newCaseNo(), cityHall(person(null), 45),
                Map.of("level", "SATISFIED", "comment", "办理顺利，就是排队久了点"));
        awaitScored(id);
        assertThat(signals(id)).isEmpty();
        assertThat(score(id)).isZero();
        assertThat(status(id)).isEqualTo("CLEAR");
    }
}
