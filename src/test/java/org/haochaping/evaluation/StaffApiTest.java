package org.haochaping.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Staff read ratings through the JSON API, each within their scope and with identity shown only as domain §8 allows. */
class StaffApiTest extends IntegrationTest {

    private String caseNo;
    private String ratingId;

    @BeforeEach
    void aBadRatingAtTheCityHall() {
        caseNo = Cases.newCaseNo();
        String url = api.putCase(caseNo, Cases.completedAtCityHall()).json().path("invitation").path("url").asString();
        TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token", url.substring(url.lastIndexOf('/') + 1),
                "level", "DISSATISFIED", "reasons", java.util.List.of("ATTITUDE_POOR"), "comment", "态度不好")));
        ratingId = rated.text("id");
    }

    private JsonNode detail(String username) {
        TestApi.Answer answer = api.bearer(api.login(username), "GET", "/api/v1/evaluations/" + ratingId, null);
        assertThat(answer.status()).as(username).isEqualTo(200);
        return answer.json();
    }

    @Test
    void supervisionOfficeSeesTheEvaluatorMasked() {
        JsonNode rating = detail("supervisor");
        assertThat(rating.path("caseNo").asString()).isEqualTo(caseNo);
        assertThat(rating.path("evaluator").path("name").asString()).isEqualTo("张*");
        assertThat(rating.path("evaluator").path("idNumber").asString()).isEqualTo("4110**********1234");
        assertThat(rating.path("evaluator").path("mobile").asString()).isEqualTo("138****5678");
        assertThat(rating.toString()).doesNotContain("张三").doesNotContain("13812345678");
    }

    @Test
    void ratedDepartmentSeesContentButNeverTheEvaluator() {
        JsonNode rating = detail("xc.handler");
        assertThat(rating.path("comment").asString()).isEqualTo("态度不好");
        assertThat(rating.path("caseNo").asString()).isEqualTo(caseNo);
        assertThat(rating.has("evaluator")).isFalse();
    }

    @Test
    void ratedStaffMemberSeesItemAndDateOnly() {
        JsonNode rating = detail("s1001");
        assertThat(rating.path("itemName").asString()).isEqualTo("企业设立登记");
        assertThat(rating.path("submittedOn").asString()).isEqualTo(LocalDate.now(Zones.SHANGHAI).toString());
        assertThat(rating.has("caseNo")).isFalse();
        assertThat(rating.has("submittedAt")).isFalse();
        assertThat(rating.has("evaluator")).isFalse();
    }

    @Test
    void ratingOutsideTheScopeDoesNotExist() {
        for (String outsider : new String[] {"yz.handler", "wd.supervisor", "admin", "auditor"}) {
            TestApi.Answer answer = api.bearer(api.login(outsider), "GET", "/api/v1/evaluations/" + ratingId, null);
            assertThat(answer.status()).as(outsider).isEqualTo(404);
        }
    }

    @Test
    void listFiltersByCaseLevelRegionAndDate() {
        String token = api.login("supervisor");
        JsonNode byCase = api.bearer(token, "GET", "/api/v1/evaluations?caseNo=" + caseNo, null).json();
        assertThat(byCase.path("total").asLong()).isEqualTo(1);
        assertThat(byCase.path("items").get(0).path("id").asString()).isEqualTo(ratingId);

        String today = LocalDate.now(Zones.SHANGHAI).toString();
        JsonNode bad = api.bearer(token, "GET", "/api/v1/evaluations?level=DISSATISFIED&regionCode=411000&from=" + today
                + "&to=" + today + "&size=200", null).json();
        assertThat(bad.path("items").valueStream().map(i -> i.path("id").asString())).contains(ratingId);
        assertThat(bad.path("items").valueStream().map(i -> i.path("level").asString())).containsOnly("DISSATISFIED");

        String yesterday = LocalDate.now(Zones.SHANGHAI).minusDays(1).toString();
        JsonNode before = api.bearer(token, "GET", "/api/v1/evaluations?caseNo=" + caseNo + "&to=" + yesterday, null).json();
        assertThat(before.path("total").asLong()).isZero();

        JsonNode wd = api.bearer(api.login("wd.supervisor"), "GET", "/api/v1/evaluations?size=200", null).json();
        assertThat(wd.path("items").valueStream().map(i -> i.path("regionCode").asString())).allMatch(r -> r.startsWith("411002"));
    }

    @Test
    void listIsNewestFirstAndPaged() {
        JsonNode page = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations?size=5", null).json();
        assertThat(page.path("size").asInt()).isEqualTo(5);
        assertThat(page.path("items").size()).isEqualTo(5);
        assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(ratingId);
    }

    @Test
    void invalidFilterIsABadRequest() {
        TestApi.Answer answer = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations?level=GREAT", null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations?from=yesterday", null).status())
                .isEqualTo(400);
    }

    @Test
    void withoutATokenTheStaffApiIsClosed() {
        assertThat(api.get("/api/v1/evaluations").status()).isEqualTo(401);
        assertThat(api.bearer("not-a-token", "GET", "/api/v1/evaluations", null).status()).isEqualTo(401);
    }
}
