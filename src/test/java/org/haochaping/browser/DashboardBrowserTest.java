package org.haochaping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The statistics dashboard, its drill-down and the rankings in a desktop browser. */
@Tag("browser")
class DashboardBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = Browser.desktop();

    private void login(String username) {
        browser.open(baseUrl() + "/login");
        browser.waitVisible("#username").sendKeys(username);
        browser.find("#password").sendKeys(TestApi.PASSWORD);
        browser.clickAndWaitForPage(browser.find("#login-submit"));
        assertThat(browser.driver().getCurrentUrl()).as("signed in as " + username).doesNotContain("/login");
    }

    private void rateAtYuzhou(String level) {
        String caseNo = Cases.newCaseNo();
        assertThat(api.putCase(caseNo, Cases.completedAtYuzhou()).status()).isEqualTo(201);
        assertThat(api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "QR",
                "level", level, "comment", "办事大厅指引清楚，办理很快")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET).status())
                .isEqualTo(201);
        Await.until("rating " + caseNo + " counted", () -> jdbc.sql(
                "select count(*) from analytics_rating r join evaluation_evaluation e on e.id = r.evaluation_id"
                        + " where e.case_no = :c").param("c", caseNo).query(Long.class).single() == 1);
    }

    @Test
    void supervisorSeesTheMetricsWithDefinitionsAndDrillsFromCityToWindow() {
        rateAtYuzhou("VERY_SATISFIED");
        rateAtYuzhou("DISSATISFIED");

        login("supervisor");
        assertThat(browser.driver().getCurrentUrl()).as("the console opens on the dashboard").endsWith("/console");
        assertThat(browser.waitVisible("main h1").getText()).isEqualTo("统计看板");
        WebElement satisfaction = browser.find("#metric-satisfactionRate");
        assertThat(satisfaction.getText()).contains("满意率", "%", "（非常满意 + 满意 + 基本满意）÷ 有效评价数");
        assertThat(browser.find("#metric-activeRate").getText()).contains("主动评价率", "不含系统默认评价");
        assertThat(browser.find("#metric-validTotal .metric-value").getText()).matches("[0-9,]+");
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("chart-time"), "data-rendered", "true"));
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("chart-channel"), "data-rendered", "true"));
        assertThat(browser.findAll("#chart-time svg")).as("the trend chart is drawn").isNotEmpty();
        assertThat(browser.find("#chart-channel").getText()).contains("扫码评价");
        assertThat(browser.find("#by-department").getText()).contains("禹州市人力资源和社会保障局");
        browser.screenshot("desktop-dashboard-city");

        // city → 禹州市
        browser.clickAndWaitForPage(browser.driver().findElement(By.linkText("禹州市")));
        assertThat(browser.find("#crumbs").getText()).contains("禹州市");
        assertThat(browser.waitVisible("#drill h2").getText()).contains("政务服务机构");
        // → 禹州市政务服务中心
        browser.clickAndWaitForPage(browser.driver().findElement(By.linkText("禹州市政务服务中心")));
        assertThat(browser.find("#crumbs").getText()).contains("禹州市", "禹州市政务服务中心");
        assertThat(browser.waitVisible("#drill h2").getText()).contains("窗口");
        List<WebElement> windows = browser.findAll("#by-window tbody tr a");
        assertThat(windows).isNotEmpty();
        // → the window: its staff
        browser.clickAndWaitForPage(windows.get(0));
        assertThat(browser.driver().getCurrentUrl()).contains("windowCode=YZ-HALL-W01");
        assertThat(browser.waitVisible("#drill").getText()).contains("工作人员", "刘洋");
        assertThat(browser.find("#by-department").getText()).contains("禹州市人力资源和社会保障局")
                .doesNotContain("许昌市市场监督管理局");
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("chart-time"), "data-rendered", "true"));
        browser.screenshot("desktop-dashboard-window");
    }

    @Test
    void rankingsShowTheScoreCountAndRule() {
        login("supervisor");
        browser.open(baseUrl() + "/console/rankings?subject=STAFF");
        assertThat(browser.waitVisible("main h1").getText()).contains("工作人员排名");
        assertThat(browser.find("#ranking-rule").getText()).contains("排名分", "m = 30", "得分");
        assertThat(browser.find("#ranking thead").getText()).contains("排名分", "得分", "有效评价数", "评价率");
        browser.screenshot("desktop-rankings-staff");
    }

    @Test
    void handlerSeesOnlyTheirDepartment() {
        login("xc.handler");
        browser.waitVisible("#metrics");
        assertThat(browser.find("#by-department").getText()).contains("许昌市市场监督管理局")
                .doesNotContain("禹州市人力资源和社会保障局", "魏都区民政局");
    }
}
