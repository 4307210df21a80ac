package org.haochaping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data scope as a matrix of roles × endpoints: the department sees its own orders, the supervision office its
 * region's; everyone else's ids answer 404, and no step can be taken on an order one cannot see.
 */
class WorkOrderScopeTest extends IntegrationTest {

    BadReviews bad;

    @BeforeEach
    void setUp() {
        bad = new BadReviews(api, jdbc);
    }

    /** Who sees an order of 市场监管局 at the city hall (许昌市, XC-HALL, staff S1001). */
    static final Map<String, Integer> CITY_HALL_ORDER = new LinkedHashMap<>();

    static {
        CITY_HALL_ORDER.put("supervisor", 200);
        CITY_HALL_ORDER.put("wd.supervisor", 404);
        CITY_HALL_ORDER.put("xc.handler", 200);
        CITY_HALL_ORDER.put("yz.handler", 404);
        CITY_HALL_ORDER.put("xc.hall", 200);
        CITY_HALL_ORDER.put("city.office", 200);
        CITY_HALL_ORDER.put("s1001", 404);
        CITY_HALL_ORDER.put("admin", 404);
        CITY_HALL_ORDER.put("auditor", 404);
        CITY_HALL_ORDER.put("jdy01", 404);
    }

    @Test
    void eachRoleSeesExactlyTheOrdersOfItsScope() {
        BadReviews.Rated rated = bad.atCityHall();
        CITY_HALL_ORDER.forEach((user, status) -> {
            String token = api.login(user);
            TestApi.Answer detail = api.bearer(token, "GET", "/api/v1/work-orders/" + rated.workOrderId(), null);
            assertThat(detail.status()).as("%s reads the order", user).isEqualTo(status);
            TestApi.Answer list = api.bearer(token, "GET", "/api/v1/work-orders?caseNo=" + rated.caseNo(), null);
            assertThat(list.status()).as("%s lists orders", user).isEqualTo(200);
            assertThat(list.json().path("total").asLong()).as("%s finds the order in the list", user)
                    .isEqualTo(status == 200 ? 1 : 0);
        });
    }

    @Test
    void aYuzhouOrderIsInvisibleToTheCityDepartmentAndToOtherCounties() {
        BadReviews.Rated rated = bad.atYuzhou();
        assertThat(api.bearer(api.login("yz.handler"), "GET", "/api/v1/work-orders/" + rated.workOrderId(), null)
                .status()).isEqualTo(200);
        assertThat(api.bearer(api.login("xc.handler"), "GET", "/api/v1/work-orders/" + rated.workOrderId(), null)
                .status()).isEqualTo(404);
        assertThat(api.bearer(api.login("wd.supervisor"), "GET", "/api/v1/work-orders/" + rated.workOrderId(), null)
                .status()).isEqualTo(404);
        assertThat(api.bearer(api.login("supervisor"), "GET", "/api/v1/work-orders/" + rated.workOrderId(), null)
                .status()).as("the city supervision office covers its counties").isEqualTo(200);
    }

    @Test
    void noStepCanBeTakenOnAnOrderOutsideOnesScope() {
        BadReviews.Rated rated = bad.atCityHall();
        Map<String, Object> verdict = Map.of("verdict", "CONFIRMED", "note", "x");
        assertThat(bad.step("wd.supervisor", rated.workOrderId(), "/verification", verdict).status()).isEqualTo(404);
        assertThat(bad.step("admin", rated.workOrderId(), "/verification", verdict).status()).isEqualTo(404);
        bad.confirmed(rated);
        Map<String, Object> measures = Map.of("measures", "整改", "rootCause", "PROCESS");
        assertThat(bad.step("yz.handler", rated.workOrderId(), "/rectification", measures).status()).isEqualTo(404);
        assertThat(bad.step("xc.hall", rated.workOrderId(), "/rectification", measures).status())
                .as("the hall manager sees but does not rectify").isEqualTo(403);
        assertThat(bad.step("supervisor", rated.workOrderId(), "/rectification", measures).status())
                .as("the supervision office does not rectify for the department").isEqualTo(403);
        assertThat(bad.order("supervisor", rated.workOrderId()).path("status").asString()).isEqualTo("RECTIFYING");
    }

    @Test
    void integratingSystemsAndAnonymousCallersGetNoWorkOrders() {
        BadReviews.Rated rated = bad.atCityHall();
        assertThat(api.get("/api/v1/work-orders/" + rated.workOrderId()).status()).isEqualTo(401);
        TestApi.Answer signed = api.business("GET", "/api/v1/work-orders", null);
        assertThat(signed.status()).isEqualTo(403);
    }
}
