package org.haochaping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.haochaping.identity.DataScope;
import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 第九条: a bad rating opens exactly one work order for the responsible department; a good one opens none. */
class WorkOrderOpeningTest extends IntegrationTest {

    @Autowired
    RectificationManagement rectification;

    private String rate(String level) {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "MOBILE",
                "level", level)), TestApi.PLATFORM, TestApi.PLATFORM_SECRET);
        return caseNo;
    }

    private long orders(String caseNo) {
        return jdbc.sql("select count(*) from rectification_work_order where case_no = :c").param("c", caseNo)
                .query(Long.class).single();
    }

    @Test
    void badRatingOpensAWorkOrderForItsDepartment() {
        String caseNo = rate("VERY_DISSATISFIED");
        Await.until("work order of " + caseNo, () -> orders(caseNo) == 1);
        Map<String, Object> order = jdbc.sql("select department_code, status, real_name from rectification_work_order where case_no = :c")
                .param("c", caseNo).query().singleRow();
        assertThat(order).containsEntry("department_code", "XC-SCJG").containsEntry("status", "PENDING_VERIFICATION")
                .containsEntry("real_name", true);
        assertThat(jdbc.sql("select count(*) from rectification_history h join rectification_work_order w on w.id = h.work_order_id where w.case_no = :c")
                .param("c", caseNo).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void goodRatingOpensNone() {
        String good = rate("BASIC");
        String bad = rate("DISSATISFIED");
        Await.until("work order of " + bad, () -> orders(bad) == 1);
        assertThat(orders(good)).isZero();
    }

    @Test
    void figuresCountRealNameBadReviewsInScope() {
        LocalDate today = LocalDate.now(Zones.SHANGHAI);
        RectificationFigures before = rectification.figures(DataScope.everything(), today, today, "411000", "XC-SCJG");
        String caseNo = rate("DISSATISFIED");
        Await.until("work order of " + caseNo, () -> orders(caseNo) == 1);
        RectificationFigures city = rectification.figures(DataScope.everything(), today, today, "411000", "XC-SCJG");
        assertThat(city.realNameBad()).isEqualTo(before.realNameBad() + 1);
        assertThat(city.calledBack()).as("not called back yet").isEqualTo(before.calledBack());
        assertThat(city.callbackRate()).isLessThan(1.0);
        RectificationFigures yuzhou = rectification.figures(DataScope.everything(), today, today, "411081", null);
        assertThat(yuzhou.realNameBad()).isLessThan(city.realNameBad() + 1);
        assertThat(rectification.figures(DataScope.everything(), today.plusDays(1), today.plusDays(1), null, null)
                .realNameBad()).isZero();
    }
}
