package org.haochaping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * 申诉复核 (plan 二(五)): the rated staff member or department appeals its own bad rating; only the supervision office,
 * outside the rated department, decides; upheld, the rating becomes invalid and its order closes.
 */
class AppealTest extends IntegrationTest {

    BadReviews bad;

    @BeforeEach
    void setUp() {
        bad = new BadReviews(api, jdbc);
    }

    private TestApi.Answer appeal(String user, String evaluationId) {
        return api.bearer(api.login(user), "POST", "/api/v1/evaluations/" + evaluationId + "/appeals",
                Map.of("reason", "当日窗口录音显示按规定办理", "evidence", "录音 10:20-10:35"));
    }

    private TestApi.Answer decide(String user, String appealId, boolean upheld) {
        return api.bearer(api.login(user), "POST", "/api/v1/appeals/" + appealId + "/decision",
                Map.of("upheld", upheld, "note", upheld ? "经复核录音，评价内容与事实不符" : "录音显示确有不当言语"));
    }

    @Test
    void theRatedStaffMemberAppealsAndAnUpheldAppealInvalidatesTheRating() {
        BadReviews.Rated rated = bad.confirmed(bad.atCityHall());
        TestApi.Answer filed = appeal("s1001", rated.evaluationId());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.text("status")).isEqualTo("PENDING");
        assertThat(filed.json().has("caseNo")).as("the rated staff member gets no case number").isFalse();
        String appealId = filed.text("id");

        TestApi.Answer mine = api.bearer(api.login("s1001"), "GET", "/api/v1/appeals?status=PENDING", null);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("items").findValuesAsString("id")).contains(appealId);
        TestApi.Answer queue = api.bearer(api.login("supervisor"), "GET", "/api/v1/appeals?status=PENDING", null);
        JsonNode queued = queue.json().path("items");
        assertThat(queued.findValuesAsString("id")).contains(appealId);

        assertThat(decide("s1001", appealId, true).status()).as("not by the appellant").isEqualTo(403);
        assertThat(decide("xc.handler", appealId, true).status()).as("not by the rated department").isEqualTo(403);
        assertThat(decide("wd.supervisor", appealId, true).status()).as("not by another county").isEqualTo(404);

        TestApi.Answer upheld = decide("supervisor", appealId, true);
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        assertThat(upheld.text("status")).isEqualTo("UPHELD");
        TestApi.Answer rating = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations/" + rated.evaluationId(), null);
        assertThat(rating.json().path("valid").asBoolean()).isFalse();
        assertThat(jdbc.sql("select reason from evaluation_invalidation where evaluation_id = :e")
                .param("e", rated.evaluationId()).query(String.class).single()).isEqualTo("APPEAL_UPHELD");
        JsonNode order = bad.order("supervisor", rated.workOrderId());
        assertThat(order.path("status").asString()).isEqualTo("CLOSED");
        assertThat(order.path("outcome").asString()).isEqualTo("INVALID");
        assertThat(order.path("history").findValuesAsString("action")).contains("APPEALED", "CLOSED_INVALID");

        assertThat(decide("supervisor", appealId, false).status()).as("decided once").isEqualTo(409);
    }

    @Test
    void theRatedDepartmentAppealsAndARejectedAppealLeavesTheRatingValid() {
        BadReviews.Rated rated = bad.atCityHall();
        TestApi.Answer filed = appeal("xc.handler", rated.evaluationId());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(appeal("s1001", rated.evaluationId()).status()).as("one appeal per rating").isEqualTo(409);

        TestApi.Answer rejected = decide("supervisor", filed.text("id"), false);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        TestApi.Answer rating = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations/" + rated.evaluationId(), null);
        assertThat(rating.json().path("valid").asBoolean()).isTrue();
        assertThat(bad.order("supervisor", rated.workOrderId()).path("status").asString())
                .isEqualTo("PENDING_VERIFICATION");
    }

    @Test
    void onlyTheRatedSideMayAppealAndOnlyBadRatings() {
        BadReviews.Rated yuzhou = bad.atYuzhou();
        assertThat(appeal("s1001", yuzhou.evaluationId()).status()).as("not one's own rating").isEqualTo(404);
        assertThat(appeal("xc.handler", yuzhou.evaluationId()).status()).as("another department's").isEqualTo(404);
        assertThat(appeal("supervisor", yuzhou.evaluationId()).status()).as("the supervision office decides, not appeals")
                .isEqualTo(403);

        BadReviews.Rated good = bad.rate(Cases.completedAtCityHall(), "SATISFIED");
        assertThat(appeal("s1001", good.evaluationId()).status()).as("only bad ratings").isEqualTo(409);

        TestApi.Answer empty = api.bearer(api.login("s1001"), "POST",
                "/api/v1/evaluations/" + bad.atCityHall().evaluationId() + "/appeals", Map.of("evidence", "无"));
        assertThat(empty.status()).as("a reason is required").isEqualTo(400);
        assertThat(empty.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
    }

    @Test
    void anAppealAgainstAMaliciousRatingIsPointless() {
        BadReviews.Rated rated = bad.atCityHall();
        bad.step("supervisor", rated.workOrderId(), "/verification",
                Map.of("verdict", "MALICIOUS", "note", "恶意差评"));
        assertThat(appeal("s1001", rated.evaluationId()).status()).isEqualTo(409);
    }
}
