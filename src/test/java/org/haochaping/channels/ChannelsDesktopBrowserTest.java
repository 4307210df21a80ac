package org.haochaping.channels;

import org.haochaping.browser.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.haochaping.identity.PersonalDataVault;
import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The terminal's rating page, a window's poster and the console's SMS outbox on a large screen. */
@Tag("browser")
class ChannelsDesktopBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = Browser.desktop();

    @Autowired
    PersonalDataVault vault;

    @Test
    void terminalOpensTheRatingPageWithItsNumber() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        String url = api.signed("POST", "/api/v1/terminals/TERM-XC-01/invitations",
                TestApi.json(Map.of("caseNo", caseNo)), "demo-terminal-xc-01", "demo-terminal-secret-2026").text("url");
        browser.open(url);
        assertThat(browser.waitVisible("#item-name").getText()).isEqualTo("企业设立登记");
        assertThat(browser.find("#case-no").getText()).isEqualTo(caseNo);
        assertThat(browser.find("#terminal-no").getText()).isEqualTo("TERM-XC-01");
        browser.screenshot("terminal-rating");
        browser.find("label[for='level-BASIC']").click();
        browser.find(".reasons-BASIC input[value='BASIC:WAIT_LONG']").click();
        browser.clickAndWaitForPage(browser.find("#submit-rating"));
        assertThat(browser.waitVisible("#thanks").getText()).contains("基本满意");
        assertThat(jdbc.sql("select channel from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(String.class).single()).isEqualTo("TERMINAL");
    }

    @Test
    void posterShowsTheWindowsQrCodeReadyToPrint() {
        browser.open(baseUrl() + "/w/XC-HALL-W01/poster");
        assertThat(browser.waitVisible("#poster").getText()).contains("好差评", "扫描上方二维码",
                "许昌市政务服务中心 · 市场监管综合窗口 1 号", "/w/XC-HALL-W01");
        browser.waitUntil(d -> browser.imagesLoaded());
        assertThat(browser.find(".poster-qr").getSize().getWidth()).isGreaterThan(250);
        browser.screenshot("window-poster");
    }

    @Test
    void supervisorSeesTheInvitationsInTheSmsOutboxWithMobilesMasked() {
        String mobile = WindowQrTest.newMobile();
        String caseNo = Cases.newCaseNo();
        Map<String, Object> body = Cases.completedAtCityHall();
        body.put("applicant", Map.of("type", "PERSON", "name", "冯十一", "idType", "ID_CARD",
                "idNumber", "411002199808088888", "mobile", mobile));
        api.putCase(caseNo, body);
        Await.until("the invitation is scheduled", () -> jdbc.sql(
                "select count(*) from channels_sms_invitation where case_no = :c").param("c", caseNo)
                .query(Long.class).single() == 1);
        clock.advance(Duration.ofMinutes(11));
        api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/sms-invitations/run", null);

        browser.open(baseUrl() + "/login");
        browser.find("#username").sendKeys("supervisor");
        browser.find("#password").sendKeys(TestApi.PASSWORD);
        browser.clickAndWaitForPage(browser.find("#login-submit"));
        browser.open(baseUrl() + "/console/sms-outbox");
        String table = browser.waitVisible("#sms-outbox").getText();
        String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
        assertThat(table).contains(masked, "评价邀请", caseNo, "回复 1 非常满意").doesNotContain(mobile);
        assertThat(browser.pageText()).contains("演示短信网关");
        browser.screenshot("sms-outbox");

        browser.open(baseUrl() + "/logout");
        browser.driver().manage().deleteAllCookies();
        browser.open(baseUrl() + "/login");
        browser.find("#username").sendKeys("xc.handler");
        browser.find("#password").sendKeys(TestApi.PASSWORD);
        browser.clickAndWaitForPage(browser.find("#login-submit"));
        browser.open(baseUrl() + "/console/sms-outbox");
        assertThat(browser.pageText()).contains("短信发件箱仅供政务服务管理部门和系统管理员查看").doesNotContain(masked);
    }
}
