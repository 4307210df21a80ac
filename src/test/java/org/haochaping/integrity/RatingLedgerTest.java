package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.InvalidationReason;
import org.haochaping.support.Cases;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Every rating and every later fact about it is chained with SM3 per region, and the verification finds what a
 * rogue database administrator changes behind the system's back. The tampering tests work in a region of their own
 * (西大街街道) and put the rows back afterwards.
 */
class RatingLedgerTest extends IntegrityTest {

    static final String REGION = "411002001";

    @Autowired
    EvaluationManagement evaluations;

    private Map<String, Object> inTownship() {
        Map<String, Object> body = atWeidu(person(null), 60);
        body.put("regionCode", REGION);
        return body;
    }

    private JsonNode verify(String token, String region) {
        TestApi.Answer answer = api.bearer(token, "GET", "/api/v1/integrity/ledger/verification"
                + (region == null ? "" : "?regionCode=" + region), null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private String townshipRating(String comment) {
        return rateWithToken(Cases.newCaseNo(), inTownship(), Map.of("level", "SATISFIED", "comment", comment));
    }

    @Test
    void everyRatingAndEveryLaterFactIsChainedInItsRegion() {
        String id = rateWithToken(Cases.newCaseNo(), atYuzhou(person(null), 60), Map.of("level", "BASIC"));
        evaluations.quarantine(id, true, "人工抽查");
        evaluations.invalidate(id, InvalidationReason.MALICIOUS, "核实为恶意评价", "supervisor");
        List<Map<String, Object>> entries = jdbc.sql("""
                select region_code, seq, kind, prev_hash, hash from integrity_ledger_entry
                where evaluation_id = :id order by seq""").param("id", id).query().listOfRows();
        assertThat(entries).extracting(e -> e.get("kind")).containsExactly("SUBMITTED", "QUARANTINED", "INVALIDATED");
        assertThat(entries).extracting(e -> e.get("region_code")).containsOnly("411081");
        for (Map<String, Object> entry : entries) {
            long seq = ((Number) entry.get("seq")).longValue();
            String previous = seq == 1 ? "0".repeat(64) : jdbc.sql(
                    "select hash from integrity_ledger_entry where region_code = '411081' and seq = :s")
                    .param("s", seq - 1).query(String.class).single();
            assertThat(entry.get("prev_hash")).isEqualTo(previous);
            assertThat((String) entry.get("hash")).hasSize(64).isNotEqualTo(previous);
        }
        JsonNode result = verify(api.login("supervisor"), "411081");
        assertThat(result.path("intact").asBoolean()).isTrue();
        assertThat(result.path("checked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(result.path("firstBrokenAt").isNull()).isTrue();
    }

    @Test
    void editingARatingsLevelInTheDatabaseBreaksTheLedgerAtThatRating() {
        String id = townshipRating("办理很顺利");
        String token = api.login("supervisor");
        assertThat(verify(token, REGION).path("intact").asBoolean()).isTrue();
        jdbc.sql("update evaluation_evaluation set level = 'VERY_SATISFIED' where id = :id").param("id", id).update();
        try {
            JsonNode result = verify(token, REGION);
            assertThat(result.path("intact").asBoolean()).isFalse();
            assertThat(result.path("firstBrokenAt").path("evaluationId").asString()).isEqualTo(id);
            assertThat(result.path("firstBrokenAt").path("regionCode").asString()).isEqualTo(REGION);
            assertThat(result.path("firstBrokenAt").path("problem").asString()).contains("不符");
        } finally {
            jdbc.sql("update evaluation_evaluation set level = 'SATISFIED' where id = :id").param("id", id).update();
        }
        assertThat(verify(token, REGION).path("intact").asBoolean()).isTrue();
    }

    @Test
    void editingACommentOrTheValidityInTheDatabaseIsDetected() {
        String id = townshipRating("窗口人员态度不好");
        String token = api.login("auditor");
        jdbc.sql("update evaluation_evaluation set comment = '窗口人员态度很好' where id = :id").param("id", id).update();
        try {
            assertThat(verify(token, REGION).path("firstBrokenAt").path("evaluationId").asString()).isEqualTo(id);
        } finally {
            jdbc.sql("update evaluation_evaluation set comment = '窗口人员态度不好' where id = :id").param("id", id).update();
        }
        jdbc.sql("update evaluation_evaluation set valid = false where id = :id").param("id", id).update();
        try {
            JsonNode result = verify(token, REGION);
            assertThat(result.path("intact").asBoolean()).isFalse();
            assertThat(result.path("firstBrokenAt").path("evaluationId").asString()).isEqualTo(id);
        } finally {
            jdbc.sql("update evaluation_evaluation set valid = true where id = :id").param("id", id).update();
        }
        assertThat(verify(token, REGION).path("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedLedgerEntryBreaksTheChainAtItsSequence() {
        String first = townshipRating("第一条");
        townshipRating("第二条");
        Map<String, Object> entry = jdbc.sql("select * from integrity_ledger_entry where evaluation_id = :id")
                .param("id", first).query().singleRow();
        long seq = ((Number) entry.get("seq")).longValue();
        String token = api.login("supervisor");
        jdbc.sql("delete from integrity_ledger_entry where region_code = :r and seq = :s").param("r", REGION)
                .param("s", seq).update();
        try {
            JsonNode result = verify(token, REGION);
            assertThat(result.path("intact").asBoolean()).isFalse();
            assertThat(result.path("firstBrokenAt").path("sequence").asLong()).isEqualTo(seq);
            assertThat(result.path("firstBrokenAt").path("problem").asString()).contains("缺失");
        } finally {
            jdbc.sql("""
                    insert into integrity_ledger_entry (region_code, seq, evaluation_id, kind, fact, state_digest,
                        recorded_at, recorded_on, prev_hash, hash)
                    values (:region_code, :seq, :evaluation_id, :kind, :fact, :state_digest, :recorded_at, :recorded_on,
                        :prev_hash, :hash)""").params(entry).update();
        }
        assertThat(verify(token, REGION).path("intact").asBoolean()).isTrue();
    }

    @Test
    void aRewrittenEntryOrARatingWrittenAroundTheSystemIsDetected() {
        String id = townshipRating("原始内容");
        String token = api.login("supervisor");
        jdbc.sql("update integrity_ledger_entry set fact = 'forged' where evaluation_id = :id").param("id", id).update();
        try {
            JsonNode result = verify(token, REGION);
            assertThat(result.path("intact").asBoolean()).isFalse();
            assertThat(result.path("firstBrokenAt").path("evaluationId").asString()).isEqualTo(id);
        } finally {
            jdbc.sql("update integrity_ledger_entry set fact = '' where evaluation_id = :id").param("id", id).update();
        }
        String forged = "forged-" + id.substring(7);
        jdbc.sql("""
                insert into evaluation_evaluation (id, case_no, level, channel, item_code, item_name, department_code,
                    region_code, submitted_at, recorded_at)
                select :forged, :caseNo, 'VERY_SATISFIED', 'QR', item_code, item_name, department_code, region_code,
                    submitted_at, recorded_at from evaluation_evaluation where id = :id""")
                .param("forged", forged).param("caseNo", Cases.newCaseNo()).param("id", id).update();
        try {
            JsonNode result = verify(token, REGION);
            assertThat(result.path("intact").asBoolean()).isFalse();
            assertThat(result.path("firstBrokenAt").path("evaluationId").asString()).isEqualTo(forged);
            assertThat(result.path("firstBrokenAt").path("problem").asString()).contains("未登记");
        } finally {
            jdbc.sql("delete from evaluation_evaluation where id = :id").param("id", forged).update();
        }
        assertThat(verify(token, REGION).path("intact").asBoolean()).isTrue();
    }

    @Test
    void ratingsStoredBeforeTheLedgerExistedAreEnteredOnceByTheAnchorJob() {
        String model = townshipRating("账本启用前的评价样本");
        String early = "early-" + model.substring(6);
        jdbc.sql("""
                insert into evaluation_evaluation (id, case_no, level, channel, item_code, item_name, department_code,
                    region_code, submitted_at, recorded_at)
                select :early, :caseNo, 'BASIC', 'SMS', item_code, item_name, department_code, region_code,
                    submitted_at, recorded_at from evaluation_evaluation where id = :id""")
                .param("early", early).param("caseNo", Cases.newCaseNo()).param("id", model).update();
        jdbc.sql("insert into integrity_ledger_adoption (evaluation_id) values (:id)").param("id", early).update();
        String token = api.login("supervisor");
        assertThat(verify(token, REGION).path("intact").asBoolean()).isTrue();
        String admin = api.login("admin");
        api.bearer(admin, "POST", "/api/v1/admin/jobs/ledger-anchor/run", null);
        api.bearer(admin, "POST", "/api/v1/admin/jobs/ledger-anchor/run", null);
        assertThat(jdbc.sql("select kind from integrity_ledger_entry where evaluation_id = :id").param("id", early)
                .query(String.class).list()).containsExactly("ADOPTED");
        assertThat(verify(token, REGION).path("intact").asBoolean()).isTrue();
    }

    @Test
    void dailyAnchorsRecordEachRegionsHeadAndAreCheckedToo() {
        townshipRating("锚点之前的评价");
        clock.advance(Duration.ofDays(1));
        String admin = api.login("admin");
        TestApi.Answer run = api.bearer(admin, "POST", "/api/v1/admin/jobs/ledger-anchor/run", null);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.text("result")).contains("daily anchors recorded");
        Map<String, Object> anchor = jdbc.sql("""
                select * from integrity_ledger_anchor where region_code = :r order by anchor_date desc limit 1""")
                .param("r", REGION).query().singleRow();
        String head = jdbc.sql("select hash from integrity_ledger_entry where region_code = :r and seq = :s")
                .param("r", REGION).param("s", anchor.get("seq")).query(String.class).single();
        assertThat(anchor.get("hash")).isEqualTo(head);
        assertThat(jdbc.sql("select count(*) from identity_audit_log where action = 'LEDGER_ANCHOR' and detail like :h")
                .param("h", "%" + head + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(api.bearer(admin, "POST", "/api/v1/admin/jobs/ledger-anchor/run", null).text("result"))
                .startsWith("0 daily anchors");
        String token = api.login("supervisor");
        jdbc.sql("update integrity_ledger_anchor set hash = :h where region_code = :r and anchor_date = :d")
                .param("h", "f".repeat(64)).param("r", REGION).param("d", anchor.get("anchor_date")).update();
        try {
            JsonNode result = verify(token, REGION);
            assertThat(result.path("intact").asBoolean()).isFalse();
            assertThat(result.path("firstBrokenAt").path("problem").asString()).contains("锚点");
        } finally {
            jdbc.sql("update integrity_ledger_anchor set hash = :h where region_code = :r and anchor_date = :d")
                    .param("h", head).param("r", REGION).param("d", anchor.get("anchor_date")).update();
        }
    }

    @Test
    void verificationIsForTheSupervisionOfficeWithinItsRegionAuditorsAndAdministrators() {
        assertThat(verify(api.login("wd.supervisor"), REGION).path("intact").asBoolean()).isTrue();
        assertThat(api.bearer(api.login("wd.supervisor"), "GET", "/api/v1/integrity/ledger/verification?regionCode=411081",
                null).status()).isEqualTo(404);
        for (String user : List.of("xc.handler", "s1001", "xc.hall", "jdy01")) {
            assertThat(api.bearer(api.login(user), "GET", "/api/v1/integrity/ledger/verification", null).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/integrity/ledger/verification").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from identity_audit_log where action = 'LEDGER_VERIFIED' and actor = 'wd.supervisor'")
                .query(Long.class).single()).isPositive();
    }
}
