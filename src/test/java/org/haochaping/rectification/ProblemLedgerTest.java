package org.haochaping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * 第十一条, 第十二条: the supervision office groups bad ratings into common problems with an owner and a deadline,
 * watches 双归零 (open orders and open problems), and records its supervision against departments and orders.
 */
class ProblemLedgerTest extends IntegrationTest {

    BadReviews bad;

    @BeforeEach
    void setUp() {
        bad = new BadReviews(api, jdbc);
    }

    private JsonNode doubleZero(String user) {
        TestApi.Answer answer = api.bearer(api.login(user), "GET", "/api/v1/double-zero", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private long row(JsonNode doubleZero, String department, String field) {
        for (JsonNode row : doubleZero.path("rows")) {
            if (row.path("departmentCode").asString().equals(department)) {
                return row.path(field).asLong();
            }
        }
        throw new AssertionError("no row for " + department);
    }

    @Test
    void commonProblemsGroupBadRatingsAndCountTowardsDoubleZero() {
        BadReviews.Rated first = bad.atCityHall();
        BadReviews.Rated second = bad.atCityHall();
        JsonNode before = doubleZero("supervisor");

        TestApi.Answer created = api.bearer(api.login("supervisor"), "POST", "/api/v1/problems", Map.of(
                "title", "材料一次性告知不到位", "description", "多条差评反映需多次补交材料", "departmentCode", "XC-SCJG",
                "owner", "登记注册科 王科长", "deadline", LocalDate.now(clock).plusDays(20).toString(),
                "workOrderIds", List.of(first.workOrderId(), second.workOrderId())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("orders").asLong()).isEqualTo(2);
        assertThat(created.text("status")).isEqualTo("OPEN");

        JsonNode during = doubleZero("supervisor");
        assertThat(row(during, "XC-SCJG", "openProblems")).isEqualTo(row(before, "XC-SCJG", "openProblems") + 1);
        assertThat(during.path("zero").isBoolean()).isTrue();
        assertThat(during.path("zero").asBoolean()).isFalse();
        assertThat(during.path("openProblems").asLong()).isPositive();
        assertThat(row(doubleZero("xc.handler"), "XC-SCJG", "openProblems")).as("the department sees its problems")
                .isEqualTo(row(during, "XC-SCJG", "openProblems"));
        assertThat(doubleZero("yz.handler").path("rows").findValuesAsString("departmentCode")).containsExactly("YZ-RSJ");
        assertThat(bad.order("xc.handler", first.workOrderId()).path("history").findValuesAsString("action"))
                .contains("PROBLEM_LINKED");

        String id = created.text("id");
        assertThat(api.bearer(api.login("xc.handler"), "POST", "/api/v1/problems/" + id + "/solution",
                Map.of("solution", "已修订")).status()).as("the supervision office closes problems").isEqualTo(403);
        TestApi.Answer solved = api.bearer(api.login("supervisor"), "POST", "/api/v1/problems/" + id + "/solution",
                Map.of("solution", "已修订办事指南和一次性告知单"));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        assertThat(solved.text("status")).isEqualTo("SOLVED");
        assertThat(row(doubleZero("supervisor"), "XC-SCJG", "openProblems"))
                .isEqualTo(row(before, "XC-SCJG", "openProblems"));
        assertThat(api.bearer(api.login("supervisor"), "POST", "/api/v1/problems/" + id + "/solution",
                Map.of("solution", "again")).status()).isEqualTo(409);
    }

    @Test
    void problemsOfAnotherRegionCannotBeOpenedOrSeen() {
        TestApi.Answer outside = api.bearer(api.login("wd.supervisor"), "POST", "/api/v1/problems", Map.of(
                "title", "跨区", "departmentCode", "XC-SCJG", "owner", "某人",
                "deadline", LocalDate.now(clock).plusDays(5).toString()));
        assertThat(outside.status()).isEqualTo(400);
        TestApi.Answer created = api.bearer(api.login("supervisor"), "POST", "/api/v1/problems", Map.of(
                "title", "禹州社保卡制卡超时", "departmentCode", "YZ-RSJ", "owner", "制卡中心",
                "deadline", LocalDate.now(clock).plusDays(5).toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.bearer(api.login("wd.supervisor"), "GET", "/api/v1/problems/" + id, null).status()).isEqualTo(404);
        assertThat(api.bearer(api.login("xc.handler"), "GET", "/api/v1/problems/" + id, null).status()).isEqualTo(404);
        assertThat(api.bearer(api.login("yz.handler"), "GET", "/api/v1/problems/" + id, null).status()).isEqualTo(200);
    }

    @Test
    void supervisionRecordsAttachToOrdersAndDepartments() {
        BadReviews.Rated rated = bad.atCityHall();
        TestApi.Answer onOrder = api.bearer(api.login("supervisor"), "POST", "/api/v1/supervision-records", Map.of(
                "kind", "INTERVIEW", "workOrderId", rated.workOrderId(), "summary", "约谈窗口负责人"));
        assertThat(onOrder.status()).as(onOrder.body()).isEqualTo(201);
        assertThat(onOrder.text("departmentCode")).isEqualTo("XC-SCJG");
        assertThat(onOrder.text("staffNo")).isEqualTo("S1001");

        TestApi.Answer onDepartment = api.bearer(api.login("supervisor"), "POST", "/api/v1/supervision-records", Map.of(
                "kind", "SPOT_CHECK", "departmentCode", "YZ-RSJ", "staffNo", "S3001", "summary", "抽查 20 份办件档案"));
        assertThat(onDepartment.status()).as(onDepartment.body()).isEqualTo(201);
        assertThat(api.bearer(api.login("supervisor"), "POST", "/api/v1/supervision-records", Map.of(
                "kind", "SPOT_CHECK", "departmentCode", "YZ-RSJ", "staffNo", "S1001", "summary", "x")).status())
                .as("the staff member must belong to the department").isEqualTo(400);
        assertThat(api.bearer(api.login("xc.handler"), "POST", "/api/v1/supervision-records", Map.of(
                "kind", "SPOT_CHECK", "departmentCode", "XC-SCJG", "summary", "自查")).status()).isEqualTo(403);

        TestApi.Answer ofOrder = api.bearer(api.login("xc.handler"), "GET",
                "/api/v1/supervision-records?workOrderId=" + rated.workOrderId(), null);
        assertThat(ofOrder.json().findValuesAsString("summary")).containsExactly("约谈窗口负责人");
        assertThat(api.bearer(api.login("xc.handler"), "GET", "/api/v1/supervision-records", null).body())
                .doesNotContain("抽查 20 份办件档案");
    }
}
