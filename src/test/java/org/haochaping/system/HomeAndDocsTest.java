package org.haochaping.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** A new user finds what the system is, the console, the public page and the API documentation. */
class HomeAndDocsTest extends IntegrationTest {

    @Test
    void homePageSaysWhatTheSystemIsAndLinksOn() {
        TestApi.Answer home = api.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("政务服务\"好差评\"系统").contains("href=\"/login\"").contains("href=\"/public\"")
                .contains("href=\"/swagger-ui.html\"");
    }

    @Test
    void openApiDescribesTheContract() {
        TestApi.Answer docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/cases/{caseNo}").contains("/api/v1/evaluations");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void healthIsPublicAndUnknownApiPathsAnswerProblemDetails() {
        assertThat(api.get("/actuator/health").body()).contains("UP");
        TestApi.Answer unknown = api.bearer(api.login("supervisor"), "GET", "/api/v1/nothing-here", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void consoleNeedsALogin() {
        TestApi.Answer console = api.get("/console/evaluations");
        assertThat(console.status()).isEqualTo(302);
    }
}
