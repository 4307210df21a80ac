package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The supervision office reviews held ratings over HTTP: sees them with their signals, releases or invalidates. */
class QuarantineReviewTest extends IntegrityTest {

    private String heldAbusiveRating(Map<String, Object> caseBody) {
        String id = rateWithToken(Cases.newCaseNo(), caseBody,
                Map.of("level", "VERY_DISSATISFIED", "comment", "什么玩意，一群废物"));
        awaitHeld(id);
        return id;
    }

    private JsonNode queueItem(String token, String id) {
        JsonNode items = api.bearer(token, "GET", "/api/v1/integrity/quarantine?size=200", null).json().path("items");
        for (JsonNode item : items) {
            if (item.path("evaluationId").asString().equals(id)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void supervisorSeesHeldRatingsOfTheRegionWithTheirSignals() {
        String id = heldAbusiveRating(cityHall(person(null), 30));
        String token = api.login("supervisor");
        TestApi.Answer queue = api.bearer(token, "GET", "/api/v1/integrity/quarantine?size=200", null);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().path("total").asLong()).isPositive();
        JsonNode item = queueItem(token, id);
        assertThat(item).isNotNull();
        assertThat(item.path("level").asString()).isEqualTo("VERY_DISSATISFIED");
        assertThat(item.path("score").asInt()).isEqualTo(60);
        assertThat(item.path("signals").get(0).path("code").asString()).isEqualTo("ABUSIVE_TEXT");
        assertThat(item.path("signals").get(0).path("label").asString()).isEqualTo("评价内容含辱骂性言语");
        assertThat(item.path("signals").get(0).path("detail").asString()).contains("废*");
    }

    @Test
    void countySupervisorSeesOnlyTheCountysHeldRatings() {
        String cityRating = heldAbusiveRating(cityHall(person(null), 30));
        String weiduRating = heldAbusiveRating(atWeidu(person(null), 30));
        String weidu = api.login("wd.supervisor");
        assertThat(queueItem(weidu, cityRating)).isNull();
        assertThat(queueItem(weidu, weiduRating)).isNotNull();
        TestApi.Answer outOfScope = api.bearer(weidu, "POST", "/api/v1/integrity/quarantine/" + cityRating + "/decision",
                Map.of("release", true, "note", "越权"));
        assertThat(outOfScope.status()).isEqualTo(404);
        assertThat(quarantined(cityRating)).isTrue();
        assertThat(queueItem(api.login("supervisor"), weiduRating)).isNotNull();
    }

    @Test
    void onlyTheSupervisionOfficeReviews() {
        for (String user : List.of("admin", "xc.handler", "s1001", "auditor", "xc.hall", "city.office", "jdy01")) {
            String token = api.login(user);
            assertThat(api.bearer(token, "GET", "/api/v1/integrity/quarantine", null).status()).as(user).isEqualTo(403);
            assertThat(api.bearer(token, "POST", "/api/v1/integrity/quarantine/x/decision",
                    Map.of("release", true, "note", "x")).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/integrity/quarantine").status()).isEqualTo(401);
        assertThat(api.signed("GET", "/api/v1/integrity/quarantine", null, TestApi.PLATFORM, TestApi.PLATFORM_SECRET)
                .status()).isEqualTo(403);
    }

    @Test
    void releasedRatingCountsAgainAndTheDecisionIsAuditedAndChained() {
        String id = heldAbusiveRating(cityHall(person(null), 30));
        String token = api.login("supervisor");
        TestApi.Answer decided = api.bearer(token, "POST", "/api/v1/integrity/quarantine/" + id + "/decision",
                Map.of("release", true, "note", "已回访，评价人确认是本人评价，言辞过激但反映问题属实"));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.text("outcome")).isEqualTo("RELEASED");
        assertThat(quarantined(id)).isFalse();
        assertThat(status(id)).isEqualTo("RELEASED");
        assertThat(queueItem(token, id)).isNull();
        JsonNode rating = api.bearer(token, "GET", "/api/v1/evaluations/" + id, null).json();
        assertThat(rating.path("quarantined").asBoolean()).isFalse();
        assertThat(rating.path("valid").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from identity_audit_log where action = 'INTEGRITY_RELEASE' and target = :t "
                + "and actor = 'supervisor'").param("t", "evaluation:" + id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select kind from integrity_ledger_entry where evaluation_id = :id order by seq")
                .param("id", id).query(String.class).list()).containsExactly("SUBMITTED", "QUARANTINED", "RELEASED");
        TestApi.Answer again = api.bearer(token, "POST", "/api/v1/integrity/quarantine/" + id + "/decision",
                Map.of("release", false, "note", "再次处理"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(quarantined(id)).isFalse();
    }

    @Test
    void invalidatedRatingIsKeptMarkedAsFraudConfirmed() {
        String id = heldAbusiveRating(cityHall(person(null), 30));
        String token = api.login("supervisor");
        TestApi.Answer decided = api.bearer(token, "POST", "/api/v1/integrity/quarantine/" + id + "/decision",
                Map.of("release", false, "note", "核实为恶意差评：评价人未在该窗口办理过业务"));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.text("outcome")).isEqualTo("INVALIDATED");
        JsonNode rating = api.bearer(token, "GET", "/api/v1/evaluations/" + id, null).json();
        assertThat(rating.path("valid").asBoolean()).isFalse();
        assertThat(jdbc.sql("select reason from evaluation_invalidation where evaluation_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("FRAUD_CONFIRMED");
        assertThat(jdbc.sql("select count(*) from identity_audit_log where action = 'INTEGRITY_INVALIDATE' and target = :t")
                .param("t", "evaluation:" + id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select kind from integrity_ledger_entry where evaluation_id = :id order by seq")
                .param("id", id).query(String.class).list()).containsExactly("SUBMITTED", "QUARANTINED", "INVALIDATED",
                "RELEASED");
    }

    @Test
    void aDecisionNeedsANoteAndAKnownHeldRating() {
        String id = heldAbusiveRating(cityHall(person(null), 30));
        String token = api.login("supervisor");
        TestApi.Answer noNote = api.bearer(token, "POST", "/api/v1/integrity/quarantine/" + id + "/decision",
                Map.of("release", true, "note", "  "));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().path("errors").get(0).path("field").asString()).isEqualTo("note");
        TestApi.Answer noChoice = api.bearer(token, "POST", "/api/v1/integrity/quarantine/" + id + "/decision",
                Map.of("note", "缺少结论"));
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(api.bearer(token, "POST", "/api/v1/integrity/quarantine/" + id + "/decision", "不是对象").status())
                .isEqualTo(400);
        assertThat(quarantined(id)).isTrue();
        assertThat(api.bearer(token, "POST", "/api/v1/integrity/quarantine/no-such-rating/decision",
                Map.of("release", true, "note", "x")).status()).isEqualTo(404);
        String clear = rateWithToken(Cases.newCaseNo(), cityHall(person(null), 40), Map.of("level", "SATISFIED"));
        awaitScored(clear);
        assertThat(api.bearer(token, "POST", "/api/v1/integrity/quarantine/" + clear + "/decision",
                Map.of("release", false, "note", "并未隔离")).status()).isEqualTo(409);
        assertThat(jdbc.sql("select valid from evaluation_evaluation where id = :id").param("id", clear)
                .query(Boolean.class).single()).isTrue();
    }
}
