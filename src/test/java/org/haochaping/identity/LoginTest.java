package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff log in with their password; five failures lock the account for fifteen minutes; logins are audited. */
class LoginTest extends IntegrationTest {

    @Autowired
    IdentityManagement identity;

    private TestApi.Answer token(String username, String password) {
        return api.post("/api/v1/auth/token", TestApi.json(Map.of("username", username, "password", password)));
    }

    @Test
    void demoAccountsLogIn() {
        for (String user : new String[] {"admin", "supervisor", "wd.supervisor", "xc.handler", "yz.handler", "s1001",
                "auditor", "xc.hall", "jdy01", "city.office"}) {
            TestApi.Answer answer = token(user, TestApi.PASSWORD);
            assertThat(answer.status()).as(user).isEqualTo(200);
            assertThat(answer.text("tokenType")).isEqualTo("Bearer");
        }
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() {
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createAccount(new NewAccount(username, "测试", "Right@2026pw", Role.HANDLER, "411000", "XC-SCJG", null, null));
        for (int i = 0; i < 4; i++) {
            assertThat(token(username, "wrong").status()).isEqualTo(401);
        }
        TestApi.Answer fifth = token(username, "wrong");
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.text("detail")).contains("锁定");
        TestApi.Answer locked = token(username, "Right@2026pw");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.text("detail")).contains("锁定");
        clock.advance(Duration.ofMinutes(16));
        assertThat(token(username, "Right@2026pw").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from identity_audit_log where actor = :u and action = 'LOGIN_FAILED'")
                .param("u", username).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void passwordsAreStoredWithASlowHash() {
        String hash = jdbc.sql("select password_hash from identity_account where username = 'supervisor'")
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(TestApi.PASSWORD);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        TestApi.Answer home = api.get("/");
        assertThat(home.status()).isEqualTo(200);
        var response = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/login")).GET().build());
        assertThat(response.status()).isEqualTo(200);
        try {
            var raw = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/")).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(raw.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
            assertThat(raw.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(raw.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
