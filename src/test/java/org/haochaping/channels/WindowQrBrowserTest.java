package org.haochaping.channels;

import org.haochaping.browser.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haochaping.identity.PersonalDataVault;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The static window QR on a phone: scan, enter the mobile, type the SMS code, pick the case, rate it with consent.
 */
@Tag("browser")
class WindowQrBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = Browser.phone();

    @Autowired
    PersonalDataVault vault;

    @Test
    void citizenScansTheWindowQrProvesTheirMobileAndRatesTheirCase() {
        String mobile = WindowQrTest.newMobile();
        String caseNo = Cases.newCaseNo();
        Map<String, Object> body = Cases.completedAtCityHall();
        body.put("applicant", Map.of("type", "PERSON", "name", "郑十", "idType", "ID_CARD",
                "idNumber", "411002199707077777", "mobile", mobile));
        api.putCase(caseNo, body);

        browser.open(baseUrl() + "/w/XC-HALL-W01");
        assertThat(browser.waitVisible("#window-name").getText()).isEqualTo("市场监管综合窗口 1 号");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("window-qr-mobile");

        browser.find("#mobile").sendKeys("123");
        browser.clickAndWaitForPage(browser.find("#send-code"));
        assertThat(browser.find("#error").getText()).contains("请输入正确的 11 位手机号码");
        browser.find("#mobile").clear();
        browser.find("#mobile").sendKeys(mobile);
        browser.clickAndWaitForPage(browser.find("#send-code"));
        assertThat(browser.waitVisible("#sent-to").getText()).contains(mobile.substring(0, 3) + "****")
                .doesNotContain(mobile);
        browser.screenshot("window-qr-code");

        String text = jdbc.sql("""
                select text from channels_sms_outbox where mobile_index = :m and purpose = 'VERIFICATION_CODE'
                order by id desc limit 1
                """).param("m", vault.index(mobile)).query(String.class).single();
        Matcher code = Pattern.compile("([0-9]{6})").matcher(text);
        assertThat(code.find()).isTrue();
        browser.find("#code").sendKeys(code.group(1));
        browser.clickAndWaitForPage(browser.find("#verify-code"));

        assertThat(browser.waitVisible(".case-choice").getText()).contains("企业设立登记", caseNo, "张伟");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("window-qr-cases");
        browser.clickAndWaitForPage(browser.find(".case-choice .rate-link"));

        assertThat(browser.waitVisible("#case-no").getText()).isEqualTo(caseNo);
        browser.find("label[for='level-VERY_SATISFIED']").click();
        browser.find("#consent-contact").click();
        browser.clickAndWaitForPage(browser.find("#submit-rating"));
        assertThat(browser.waitVisible("#thanks").getText()).contains("感谢您的评价", "非常满意");

        var stored = jdbc.sql("select channel, level, consent_contact from evaluation_evaluation where case_no = :c")
                .param("c", caseNo).query().singleRow();
        assertThat(stored.get("channel")).isEqualTo("QR");
        assertThat(stored.get("level")).isEqualTo("VERY_SATISFIED");
        assertThat(stored.get("consent_contact")).isEqualTo(true);

        browser.driver().navigate().back();
        browser.driver().navigate().back();
        browser.driver().navigate().refresh();
        assertThat(browser.waitVisible("#no-cases").getText()).contains("尚未评价的办件");
    }

    @Test
    void largeFontModeCarriesThroughTheSteps() {
        browser.open(baseUrl() + "/w/XC-HALL-W01?large=1");
        assertThat(browser.find(".rate").getAttribute("class")).contains("large");
        browser.find("#mobile").sendKeys(WindowQrTest.newMobile());
        browser.clickAndWaitForPage(browser.find("#send-code"));
        assertThat(browser.waitVisible(".rate").getAttribute("class")).contains("large");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("window-qr-code-large");
    }
}
