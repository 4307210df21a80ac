package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.PageClient;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** The administrator manages accounts and clients; disabling ends sessions and tokens at once; forms need CSRF. */
class AccountAdminTest extends IntegrationTest {

    @Test
    void administratorCreatesAnAccountWithAStrongPasswordOnly() {
        PageClient admin = PageClient.signedIn(baseUrl(), "admin", TestApi.PASSWORD);
        String username = "new." + UUID.randomUUID().toString().substring(0, 6);
        PageClient.Page weak = admin.postForm("/console/accounts", "/console/accounts", Map.of("username", username,
                "role", "HANDLER", "departmentCode", "XC-SCJG", "password", "password"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("密码至少 10 位");
        PageClient.Page created = admin.postForm("/console/accounts", "/console/accounts", Map.of("username", username,
                "displayName", "新经办人", "role", "HANDLER", "departmentCode", "XC-SCJG", "password", "Strong#Pass2026"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(api.post("/api/v1/auth/token", TestApi.json(Map.of("username", username, "password", "Strong#Pass2026")))
                .status()).isEqualTo(200);
    }

    @Test
    void disablingAnAccountEndsItsSessionAndTokensAtOnce() {
        String username = "off." + UUID.randomUUID().toString().substring(0, 6);
        PageClient admin = PageClient.signedIn(baseUrl(), "admin", TestApi.PASSWORD);
        admin.postForm("/console/accounts", "/console/accounts", Map.of("username", username, "role", "SUPERVISOR",
                "regionCode", "411000", "password", "Strong#Pass2026"));
        PageClient victim = PageClient.signedIn(baseUrl(), username, "Strong#Pass2026");
        String token = api.post("/api/v1/auth/token", TestApi.json(Map.of("username", username, "password", "Strong#Pass2026")))
                .text("accessToken");
        assertThat(victim.get("/console/evaluations").status()).isEqualTo(200);
        admin.postForm("/console/accounts", "/console/accounts/" + username + "/enabled", Map.of("enabled", "false"));
        PageClient.Page after = victim.get("/console/evaluations");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).contains("/login");
        assertThat(api.bearer(token, "GET", "/api/v1/evaluations", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", TestApi.json(Map.of("username", username, "password", "Strong#Pass2026")))
                .status()).isEqualTo(401);
    }

    @Test
    void clientSecretIsShownOnceAndWorksForSignedRequests() {
        PageClient admin = PageClient.signedIn(baseUrl(), "admin", TestApi.PASSWORD);
        String clientId = "sys-" + UUID.randomUUID().toString().substring(0, 6);
        PageClient.Page created = admin.postForm("/console/clients", "/console/clients", Map.of("clientId", clientId,
                "name", "测试业务系统", "kind", "BUSINESS_SYSTEM", "regionCode", "411081"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<code>([A-Za-z0-9_-]{20,})</code>").matcher(created.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        assertThat(admin.get("/console/clients").body()).contains(clientId).doesNotContain(secret);
        assertThat(api.signed("PUT", "/api/v1/cases/" + org.haochaping.support.Cases.newCaseNo(),
                TestApi.json(org.haochaping.support.Cases.completedAtYuzhou()), clientId, secret).status()).isEqualTo(201);
        assertThat(api.signed("PUT", "/api/v1/cases/" + org.haochaping.support.Cases.newCaseNo(),
                TestApi.json(org.haochaping.support.Cases.completedAtCityHall()), clientId, secret).status()).isEqualTo(403);
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        PageClient admin = PageClient.signedIn(baseUrl(), "admin", TestApi.PASSWORD);
        PageClient.Page refused = admin.postRaw("/console/catalog/region", Map.of("code", "411099", "name", "伪造",
                "level", "COUNTY", "parent_code", "411000"), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from catalog_region where code = '411099'").query(Long.class).single()).isZero();
    }

    @Test
    void nonAdministratorsCannotManageAccounts() {
        PageClient supervisor = PageClient.signedIn(baseUrl(), "supervisor", TestApi.PASSWORD);
        assertThat(supervisor.get("/console/accounts").status()).isEqualTo(403);
        assertThat(supervisor.get("/console/clients").status()).isEqualTo(403);
    }

    @Test
    void sessionsIdleOutAfterThirtyMinutes() {
        PageClient.signedIn(baseUrl(), "xc.hall", TestApi.PASSWORD);
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'xc.hall'")
                .query(Integer.class).list()).isNotEmpty().allMatch(seconds -> seconds == 1800);
    }

    @Test
    void bearerTokenCanBeRevoked() {
        String token = api.login("xc.handler");
        assertThat(api.bearer(token, "DELETE", "/api/v1/auth/token", null).status()).isEqualTo(204);
        assertThat(api.bearer(token, "GET", "/api/v1/evaluations", null).status()).isEqualTo(401);
    }
}
