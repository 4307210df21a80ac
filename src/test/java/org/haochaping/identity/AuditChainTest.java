package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** The audit log is hash-chained: an edited entry breaks the chain; on PostgreSQL edits are refused outright. */
class AuditChainTest extends IntegrationTest {

    private static boolean postgres() {
        return System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql");
    }

    private TestApi.Answer verify() {
        return api.bearer(api.login("auditor"), "GET", "/api/v1/audit-log/verification", null);
    }

    @Test
    void loginsAreAuditedAndTheChainIsIntact() {
        api.login("xc.handler");
        TestApi.Answer log = api.bearer(api.login("auditor"), "GET", "/api/v1/audit-log?actor=xc.handler&action=LOGIN", null);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().path("total").asLong()).isPositive();
        TestApi.Answer check = verify();
        assertThat(check.json().path("intact").asBoolean()).isTrue();
        assertThat(check.json().path("checked").asLong()).isPositive();
    }

    @Test
    void anEditedEntryBreaksTheChain() {
        api.login("yz.handler");
        Map<String, Object> entry = jdbc.sql("select id, actor from identity_audit_log order by id desc limit 1")
                .query().singleRow();
        Object id = entry.get("id");
        if (postgres()) {
            assertThat(refusedUpdate(id)).as("the database refuses edits").isTrue();
            jdbc.sql("alter table identity_audit_log disable trigger identity_audit_log_no_update").update();
        }
        try {
            jdbc.sql("update identity_audit_log set actor = 'someone-else' where id = :id").param("id", id).update();
            TestApi.Answer broken = verify();
            assertThat(broken.json().path("intact").asBoolean()).isFalse();
            assertThat(broken.json().path("firstBrokenAt").asString()).isNotBlank();
        } finally {
            jdbc.sql("update identity_audit_log set actor = :actor where id = :id").param("actor", entry.get("actor"))
                    .param("id", id).update();
            if (postgres()) {
                jdbc.sql("alter table identity_audit_log enable trigger identity_audit_log_no_update").update();
            }
        }
        assertThat(verify().json().path("intact").asBoolean()).isTrue();
    }

    private boolean refusedUpdate(Object id) {
        try {
            jdbc.sql("update identity_audit_log set detail = 'x' where id = :id").param("id", id).update();
            return false;
        } catch (RuntimeException refused) {
            return true;
        }
    }

    @Test
    void onlyAuditorsReadTheLog() {
        assertThat(api.bearer(api.login("admin"), "GET", "/api/v1/audit-log", null).status()).isEqualTo(403);
        assertThat(api.bearer(api.login("admin"), "GET", "/api/v1/audit-log/verification", null).status()).isEqualTo(403);
    }
}
