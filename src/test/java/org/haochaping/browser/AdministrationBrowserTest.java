package org.haochaping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/** The administrator's account and client pages, the auditor's log, and the supervisor's audited reveal. */
@Tag("browser")
class AdministrationBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = Browser.desktop();

    private void login(String username) {
        browser.open(baseUrl() + "/login");
        browser.waitVisible("#username").sendKeys(username);
        browser.find("#password").sendKeys(TestApi.PASSWORD);
        browser.clickAndWaitForPage(browser.find("#login-submit"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
    }

    @Test
    void administratorCreatesAHandlerAccountAndAClient() {
        login("admin");
        browser.open(baseUrl() + "/console/accounts");
        String username = "b." + UUID.randomUUID().toString().substring(0, 6);
        browser.waitVisible("#username").sendKeys(username);
        browser.find("#displayName").sendKeys("浏览器新建经办人");
        new Select(browser.find("#role")).selectByVisibleText("部门经办人");
        browser.find("#departmentCode").sendKeys("YZ-RSJ");
        browser.find("#password").sendKeys("Browser#Pass2026");
        browser.clickAndWaitForPage(browser.find("#account-save"));
        assertThat(browser.pageText()).contains("已保存", username, "浏览器新建经办人");
        browser.screenshot("desktop-accounts");

        browser.open(baseUrl() + "/console/clients");
        String clientId = "b-sys-" + UUID.randomUUID().toString().substring(0, 6);
        browser.waitVisible("#clientId").sendKeys(clientId);
        browser.find("#name").sendKeys("浏览器业务系统");
        browser.clickAndWaitForPage(browser.find("#client-save"));
        assertThat(browser.waitVisible("#new-secret").getText()).contains("只显示这一次");
        browser.screenshot("desktop-clients-secret");
    }

    @Test
    void supervisorRevealsTheEvaluatorForACallBackAndTheAuditorSeesIt() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        String id = api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "PC",
                "level", "DISSATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET).text("id");

        login("supervisor");
        browser.open(baseUrl() + "/console/evaluations/" + id);
        assertThat(browser.waitVisible("#evaluator-name").getText()).isEqualTo("张*");
        new Select(browser.find("#reveal-purpose")).selectByVisibleText("回访");
        browser.clickAndWaitForPage(browser.find("#reveal-submit"));
        assertThat(browser.waitVisible("#revealed-name").getText()).isEqualTo("张三");
        assertThat(browser.find("#revealed-mobile").getText()).isEqualTo("13812345678");
        browser.screenshot("desktop-reveal");

        browser.driver().manage().deleteAllCookies();
        login("auditor");
        browser.open(baseUrl() + "/console/audit?action=REVEAL_EVALUATOR&actor=supervisor");
        assertThat(browser.waitVisible("#audit-table").getText()).contains("REVEAL_EVALUATOR", "evaluation:" + id);
        browser.clickAndWaitForPage(browser.find("#verify-chain"));
        assertThat(browser.waitVisible("#verification").getText()).contains("哈希链完整");
        browser.screenshot("desktop-audit");
    }
}
