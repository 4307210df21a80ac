package org.haochaping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The staff console in a desktop browser: login, the rating list and detail by role, the catalog. */
@Tag("browser")
class ConsoleBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = Browser.desktop();

    /** A case rated 不满意 (态度生硬, 服务态度 非常不满意) through the JSON API, with the rating's id. */
    record Rated(String caseNo, String id, String comment) {
    }

    @Test
    void supervisorFindsTheRatingAndSeesTheEvaluatorOnlyMasked() {
        Rated rated = rateCaseAtCityHall();

        login("supervisor");
        browser.waitVisible("#metrics");
        browser.open(baseUrl() + "/console/evaluations");
        browser.waitVisible("#evaluations");
        assertThat(browser.find("h1").getText()).isEqualTo("评价列表");
        browser.screenshot("desktop-console-list");

        WebElement caseNoFilter = browser.find("input[name='caseNo']");
        caseNoFilter.sendKeys(rated.caseNo());
        browser.clickAndWaitForPage(browser.find("#filter-submit"));
        browser.waitUntil(ExpectedConditions.urlContains("caseNo=" + rated.caseNo()));
        List<WebElement> rows = browser.findAll("#evaluations tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(rated.caseNo(), "企业设立登记", "不满意", rated.comment());
        assertThat(browser.pageText()).contains("共 1 条评价");

        browser.clickAndWaitForPage(rows.get(0).findElement(By.cssSelector("td a")));
        browser.waitUntil(ExpectedConditions.urlContains("/console/evaluations/" + rated.id()));
        assertThat(browser.waitVisible("#detail-level").getText()).isEqualTo("不满意");
        assertThat(browser.find("#detail-comment").getText()).isEqualTo(rated.comment());
        String rating = browser.find("main .card").getText();
        assertThat(rating).as("reasons and dimensions in Chinese").contains("态度生硬", "服务态度\n非常不满意")
                .doesNotContain("ATTITUDE_POOR");
        assertThat(browser.find("#evaluator-name").getText()).isEqualTo("张*");
        assertThat(browser.find("#evaluator-id").getText()).isEqualTo("4110**********1234");
        assertThat(browser.find("#evaluator-mobile").getText()).isEqualTo("138****5678");
        assertThat(browser.source()).doesNotContain("张三", "411002199001011234", "13812345678");
        browser.screenshot("desktop-console-detail-supervisor");
    }

    @Test
    void departmentHandlerSeesTheRatingWithoutAnyEvaluatorIdentity() {
        Rated rated = rateCaseAtCityHall();

        login("xc.handler");
        browser.open(baseUrl() + "/console/evaluations/" + rated.id());
        assertThat(browser.waitVisible("#detail-level").getText()).isEqualTo("不满意");
        assertThat(browser.find("#detail-comment").getText()).isEqualTo(rated.comment());
        assertThat(browser.findAll("#evaluator")).isEmpty();
        assertThat(browser.findAll("#evaluator-name, #evaluator-id, #evaluator-mobile")).isEmpty();
        assertThat(browser.pageText()).contains("评价人信息依法保密");
        assertThat(browser.source()).doesNotContain("张三", "张*", "411002199001011234", "4110**********1234",
                "13812345678", "138****5678");
        browser.screenshot("desktop-console-detail-handler");
    }

    @Test
    void handlerOfAnotherDepartmentGetsTheNotFoundPage() {
        Rated rated = rateCaseAtCityHall();

        login("yz.handler");
        browser.open(baseUrl() + "/console/evaluations/" + rated.id());
        assertThat(browser.waitVisible("main h1").getText()).isEqualTo("未找到");
        assertThat(browser.pageText()).contains("评价不存在", "状态码 404");
        assertThat(browser.findAll("#detail-level")).isEmpty();
        assertThat(browser.source()).doesNotContain(rated.comment());
        assertThat(browser.find(".topbar").getText()).contains("退出").doesNotContain("工作人员登录");

        browser.open(baseUrl() + "/console/evaluations?caseNo=" + rated.caseNo());
        browser.waitVisible("#evaluations");
        assertThat(browser.pageText()).contains("共 0 条评价", "没有符合条件的评价");
    }

    @Test
    void wrongPasswordShowsTheChineseErrorAndDoesNotSignIn() {
        browser.open(baseUrl() + "/login");
        browser.waitVisible("#username").sendKeys("supervisor");
        browser.find("#password").sendKeys("wrong-" + TestApi.PASSWORD);
        browser.clickAndWaitForPage(browser.find("#login-submit"));

        assertThat(browser.waitVisible("p.error").getText()).isEqualTo("用户名或密码错误。");
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
        assertThat(browser.findAll("#login-submit")).hasSize(1);

        browser.open(baseUrl() + "/console/evaluations");
        browser.waitVisible("#login-submit");
        assertThat(browser.findAll("#evaluations")).as("still signed out").isEmpty();

        // a correct login afterwards works and clears the failure count
        login("supervisor");
        browser.waitVisible("#metrics");
    }

    @Test
    void administratorAddsAWindowToTheCatalog() {
        String code = "XC-HALL-T" + Cases.newCaseNo().substring(1, 9);
        String name = "测试窗口 " + code;

        login("admin");
        browser.open(baseUrl() + "/console/catalog/window");
        WebElement table = browser.waitVisible("#catalog-table");
        assertThat(table.getText()).contains("XC-HALL-W01", "市场监管综合窗口 1 号").doesNotContain(code);
        browser.screenshot("desktop-console-catalog-window");

        browser.clickAndWaitForPage(browser.find("#catalog-new"));
        browser.waitUntil(ExpectedConditions.urlContains("/console/catalog/window/new"));
        assertThat(browser.find("main h1").getText()).isEqualTo("新增窗口");
        Map<String, String> fields = Map.of("code", code, "name", name, "service_body_code", "XC-HALL",
                "department_code", "XC-SCJG");
        fields.forEach((column, value) -> browser.find("[name='" + column + "']").sendKeys(value));
        browser.screenshot("desktop-console-catalog-window-new");
        browser.clickAndWaitForPage(browser.find("#catalog-save"));

        browser.waitUntil(ExpectedConditions.urlContains("/console/catalog/window"));
        assertThat(browser.waitVisible("p.notice").getText()).contains("已保存");
        List<WebElement> row = browser.findAll("#catalog-table tbody tr").stream()
                .filter(r -> r.getText().contains(code)).toList();
        assertThat(row).hasSize(1);
        assertThat(row.get(0).getText()).contains(name, "XC-HALL", "XC-SCJG");
        browser.screenshot("desktop-console-catalog-window-saved");
    }

    @Test
    void onlyAdministratorsMayEditTheCatalog() {
        login("supervisor");
        browser.open(baseUrl() + "/console/catalog/window");
        browser.waitVisible("#catalog-table");
        assertThat(browser.findAll("#catalog-new")).as("no add button for a supervisor").isEmpty();

        browser.open(baseUrl() + "/console/catalog/window/new");
        assertThat(browser.waitVisible("main h1").getText()).isEqualTo("无权操作");
        assertThat(browser.pageText()).contains("只有系统管理员可以维护基础目录", "状态码 403");
        assertThat(browser.findAll("#catalog-save")).isEmpty();
        assertThat(browser.find(".topbar").getText()).as("the error page still shows who is signed in")
                .contains("许昌市政务服务管理办公室", "退出").doesNotContain("工作人员登录");
        browser.screenshot("desktop-console-catalog-forbidden");
    }

    private void login(String username) {
        browser.open(baseUrl() + "/login");
        browser.waitVisible("#username").sendKeys(username);
        browser.find("#password").sendKeys(TestApi.PASSWORD);
        browser.clickAndWaitForPage(browser.find("#login-submit"));
        assertThat(browser.driver().getCurrentUrl()).as("signed in as " + username).doesNotContain("/login");
        assertThat(browser.find(".topbar .who").getText()).contains("退出");
    }

    private Rated rateCaseAtCityHall() {
        String caseNo = Cases.newCaseNo();
        TestApi.Answer reported = api.putCase(caseNo, Cases.completedAtCityHall());
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String url = reported.json().path("invitation").path("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        String comment = "等了很久，窗口说明不清楚 " + caseNo;
        TestApi.Answer rated = api.post("/api/v1/evaluations",
                TestApi.json(Map.of("token", token, "level", "DISSATISFIED", "comment", comment,
                        "reasons", List.of("ATTITUDE_POOR"), "dimensions", Map.of("ATTITUDE", "VERY_DISSATISFIED"))));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        return new Rated(caseNo, rated.text("id"), comment);
    }
}
