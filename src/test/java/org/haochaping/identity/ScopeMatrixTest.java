package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roles × endpoints × scope: each user reaches exactly their scope; everything else is 404 or 403. */
class ScopeMatrixTest extends IntegrationTest {

    private String cityRating;
    private String yuzhouRating;

    private String rate(Map<String, Object> caseBody) {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, caseBody);
        return api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "PC",
                "level", "SATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET).text("id");
    }

    @BeforeEach
    void twoRatingsInDifferentScopes() {
        cityRating = rate(Cases.completedAtCityHall());
        yuzhouRating = rate(Cases.completedAtYuzhou());
    }

    private int status(String token, String method, String path) {
        return api.bearer(token, method, path, method.equals("POST") ? Map.of("purpose", "CALLBACK") : null).status();
    }

    @Test
    void ratingDetailIsVisibleOnlyWithinScope() {
        Map<String, int[]> expected = Map.ofEntries(
                Map.entry("supervisor", new int[] {200, 200}),
                Map.entry("wd.supervisor", new int[] {404, 404}),
                Map.entry("xc.handler", new int[] {200, 404}),
                Map.entry("yz.handler", new int[] {404, 200}),
                Map.entry("s1001", new int[] {200, 404}),
                Map.entry("xc.hall", new int[] {200, 404}),
                Map.entry("admin", new int[] {404, 404}),
                Map.entry("auditor", new int[] {404, 404}),
                Map.entry("jdy01", new int[] {404, 404}),
                Map.entry("city.office", new int[] {404, 404}));
        expected.forEach((user, statuses) -> {
            String token = api.login(user);
            assertThat(status(token, "GET", "/api/v1/evaluations/" + cityRating)).as(user + " city").isEqualTo(statuses[0]);
            assertThat(status(token, "GET", "/api/v1/evaluations/" + yuzhouRating)).as(user + " yuzhou").isEqualTo(statuses[1]);
        });
    }

    @Test
    void privilegedEndpointsAnswerOnlyTheirRole() {
        Map<String, Integer> auditLog = Map.of("auditor", 200, "admin", 403, "supervisor", 403, "xc.handler", 403);
        auditLog.forEach((user, code) -> assertThat(status(api.login(user), "GET", "/api/v1/audit-log")).as(user).isEqualTo(code));
        Map<String, Integer> jobs = Map.of("admin", 200, "auditor", 403, "supervisor", 403, "s1001", 403);
        jobs.forEach((user, code) -> assertThat(status(api.login(user), "POST", "/api/v1/admin/jobs/nonce-cleanup/run"))
                .as(user).isEqualTo(code));
        assertThat(status(api.login("supervisor"), "POST", "/api/v1/evaluations/" + yuzhouRating + "/evaluator/reveal"))
                .isEqualTo(200);
        assertThat(status(api.login("wd.supervisor"), "POST", "/api/v1/evaluations/" + yuzhouRating + "/evaluator/reveal"))
                .isEqualTo(404);
    }

    @Test
    void signedClientsCannotUseStaffEndpointsNorStaffTheIntegrationOnes() {
        assertThat(api.signed("GET", "/api/v1/evaluations", null, TestApi.BUSINESS, TestApi.BUSINESS_SECRET).status())
                .isEqualTo(403);
        assertThat(api.bearer(api.login("supervisor"), "PUT", "/api/v1/cases/" + Cases.newCaseNo(),
                Cases.completedAtCityHall()).status()).isEqualTo(403);
    }
}
