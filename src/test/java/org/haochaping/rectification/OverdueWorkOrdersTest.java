package org.haochaping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * 第十条: an order still not rectified after its deadline is flagged by the {@code overdue-work-orders} job, its
 * department and the supervision office are told in the console, and it stays in the overdue list until done.
 */
class OverdueWorkOrdersTest extends IntegrationTest {

    BadReviews bad;

    @BeforeEach
    void setUp() {
        bad = new BadReviews(api, jdbc);
    }

    private TestApi.Answer runJob() {
        TestApi.Answer ran = api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/overdue-work-orders/run", null);
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        return ran;
    }

    private long notices(String workOrderId) {
        return jdbc.sql("select count(*) from rectification_notification where work_order_id = :id and kind = 'OVERDUE'")
                .param("id", workOrderId).query(Long.class).single();
    }

    private boolean inOverdueList(String user, String caseNo) {
        TestApi.Answer list = api.bearer(api.login(user), "GET", "/api/v1/work-orders?overdue=true&caseNo=" + caseNo, null);
        assertThat(list.status()).isEqualTo(200);
        return list.json().path("total").asLong() == 1;
    }

    @Test
    void anOrderPastItsDeadlineIsFlaggedOnceAndListedUntilRectified() {
        BadReviews.Rated rated = bad.confirmed(bad.atCityHall());

        clock.advance(Duration.ofDays(15));
        runJob();
        assertThat(bad.order("supervisor", rated.workOrderId()).path("overdue").asBoolean())
                .as("the deadline day itself is still in time").isFalse();

        clock.advance(Duration.ofDays(1));
        assertThat(runJob().text("result")).contains("newly flagged overdue");
        JsonNode order = bad.order("xc.handler", rated.workOrderId());
        assertThat(order.path("overdue").asBoolean()).isTrue();
        assertThat(order.path("history").findValuesAsString("action")).contains("OVERDUE");
        assertThat(inOverdueList("xc.handler", rated.caseNo())).isTrue();
        assertThat(inOverdueList("supervisor", rated.caseNo())).isTrue();
        assertThat(notices(rated.workOrderId())).as("one to the department, one to the supervision office").isEqualTo(2);

        TestApi.Answer handlerNotices = api.bearer(api.login("xc.handler"), "GET", "/api/v1/work-orders/notifications", null);
        assertThat(handlerNotices.body()).contains("已逾期", rated.caseNo());
        assertThat(handlerNotices.json().path("unread").asLong()).isPositive();
        TestApi.Answer otherDepartment = api.bearer(api.login("yz.handler"), "GET", "/api/v1/work-orders/notifications", null);
        assertThat(otherDepartment.body()).doesNotContain(rated.caseNo());

        runJob();
        assertThat(notices(rated.workOrderId())).as("running the job again notifies nobody twice").isEqualTo(2);

        TestApi.Answer late = bad.step("xc.handler", rated.workOrderId(), "/rectification",
                Map.of("measures", "补齐告知单", "rootCause", "EFFICIENCY"));
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().path("rectification").path("onTime").asBoolean()).isFalse();
        assertThat(late.json().path("overdue").asBoolean()).isFalse();
        assertThat(inOverdueList("supervisor", rated.caseNo())).as("done, so off the overdue list").isFalse();
    }

    @Test
    void anApprovedExtensionLiftsTheOverdueFlag() {
        BadReviews.Rated rated = bad.confirmed(bad.atCityHall());
        clock.advance(Duration.ofDays(17));
        runJob();
        assertThat(inOverdueList("supervisor", rated.caseNo())).isTrue();

        String newDeadline = java.time.LocalDate.now(clock).plusDays(7).toString();
        assertThat(bad.step("xc.handler", rated.workOrderId(), "/extension",
                Map.of("reason", "需上级部门批复", "newDeadline", newDeadline)).status()).isEqualTo(200);
        assertThat(inOverdueList("supervisor", rated.caseNo())).as("asking for time does not stop the clock").isTrue();
        assertThat(bad.step("supervisor", rated.workOrderId(), "/extension/decision",
                Map.of("approved", true, "note", "同意")).status()).isEqualTo(200);
        assertThat(inOverdueList("supervisor", rated.caseNo())).isFalse();
        assertThat(bad.order("supervisor", rated.workOrderId()).path("deadline").asString()).isEqualTo(newDeadline);
    }

    @Test
    void ordersWaitingForVerificationOrAlreadyRectifiedAreNeverOverdue() {
        BadReviews.Rated pending = bad.atCityHall();
        BadReviews.Rated rectified = bad.rectified(bad.atCityHall());
        clock.advance(Duration.ofDays(40));
        runJob();
        assertThat(bad.order("supervisor", pending.workOrderId()).path("overdue").asBoolean()).isFalse();
        assertThat(bad.order("supervisor", rectified.workOrderId()).path("overdue").asBoolean()).isFalse();
        assertThat(notices(pending.workOrderId()) + notices(rectified.workOrderId())).isZero();
    }
}
