package org.haochaping.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Invalidation and quarantine are recorded facts: the rating is kept, marked and visible as such. */
class ValidityTest extends IntegrationTest {

    @Autowired
    EvaluationManagement evaluations;

    private String rated() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        return api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "PC",
                "level", "VERY_DISSATISFIED", "comment", "乱说一通")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET).text("id");
    }

    @Test
    void invalidatedRatingIsKeptAndMarkedOnce() {
        String id = rated();
        evaluations.invalidate(id, InvalidationReason.MALICIOUS, "核实为恶意差评", "supervisor");
        evaluations.invalidate(id, InvalidationReason.APPEAL_UPHELD, "again", "supervisor");
        assertThat(evaluations.find(id)).hasValueSatisfying(e -> assertThat(e.valid()).isFalse());
        assertThat(jdbc.sql("select reason from evaluation_invalidation where evaluation_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("MALICIOUS");
        TestApi.Answer seen = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations/" + id, null);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().path("valid").asBoolean()).isFalse();
    }

    @Test
    void quarantineHoldsAndReleases() {
        String id = rated();
        evaluations.quarantine(id, true, "疑似刷评");
        assertThat(evaluations.find(id)).hasValueSatisfying(e -> assertThat(e.quarantined()).isTrue());
        evaluations.quarantine(id, false, "复核正常");
        assertThat(evaluations.find(id)).hasValueSatisfying(e -> {
            assertThat(e.quarantined()).isFalse();
            assertThat(e.valid()).isTrue();
        });
    }
}
