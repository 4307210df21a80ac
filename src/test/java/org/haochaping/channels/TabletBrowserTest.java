package org.haochaping.channels;

import org.haochaping.browser.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * The window tablet in a real browser: set up with its key, waiting; the window's system presents a case over HTTP
 * and the tablet shows it by itself; the citizen rates, is thanked, and the tablet waits again.
 */
@Tag("browser")
class TabletBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = Browser.tablet();

    @Test
    void presentedCaseAppearsByItselfIsRatedAndTheTabletWaitsAgain() {
        // other tests present cases at the same demo window: let the screen start from waiting
        jdbc.sql("update channels_presentation set expires_at = presented_at where device_code = 'DEV-XC-W01' and ended_at is null")
                .update();
        browser.open(baseUrl() + "/device/DEV-XC-W01?key=demo-device-key-2026");
        assertThat(browser.driver().getCurrentUrl()).as("the key leaves the address bar").doesNotContain("key=");
        assertThat(browser.waitVisible(".tablet-idle").getText()).contains("市场监管综合窗口 1 号",
                "业务办结后，请在本屏幕上对我们的服务进行评价");
        assertThat(browser.find("#tablet-window").getText()).contains("许昌市政务服务中心");
        browser.screenshot("tablet-idle");

        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        TestApi.Answer presented = api.signed("POST", "/api/v1/devices/DEV-XC-W01/present",
                TestApi.json(Map.of("caseNo", caseNo)), "demo-device-xc-w01", "demo-device-secret-2026");
        assertThat(presented.status()).isEqualTo(202);

        assertThat(browser.waitVisible("#case-no").getText()).isEqualTo(caseNo);
        assertThat(browser.find("#item-name").getText()).isEqualTo("企业设立登记");
        assertThat(browser.find("#staff-no").getText()).isEqualTo("S1001");
        assertThat(browser.find("#staff-name").getText()).isEqualTo("张伟");
        assertThat(browser.findAll(".levels label")).hasSize(5);
        assertThat(browser.find("label[for='level-VERY_SATISFIED']").getSize().getHeight())
                .as("big buttons").isGreaterThanOrEqualTo(90);
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("tablet-presented");

        browser.find("label[for='level-SATISFIED']").click();
        browser.waitVisible(".reasons-SATISFIED");
        browser.find(".reasons-SATISFIED input[value='SATISFIED:EFFICIENT']").click();
        new Select(browser.find("#dim-EFFICIENCY")).selectByVisibleText("非常满意");
        browser.find("#consent-contact").click();
        browser.screenshot("tablet-presented-chosen");
        browser.find("#submit-rating").click();

        assertThat(browser.waitVisible("#thanks").getText()).contains("感谢您的评价", "满意");
        browser.screenshot("tablet-thanks");
        var stored = jdbc.sql("select id, channel, level, consent_contact from evaluation_evaluation where case_no = :c")
                .param("c", caseNo).query().singleRow();
        assertThat(stored.get("channel")).isEqualTo("WINDOW_DEVICE");
        assertThat(stored.get("level")).isEqualTo("SATISFIED");
        assertThat(stored.get("consent_contact")).isEqualTo(true);
        assertThat(jdbc.sql("select reason_code from evaluation_reason where evaluation_id = :id")
                .param("id", stored.get("id")).query(String.class).list()).containsExactly("EFFICIENT");

        assertThat(browser.waitVisible(".tablet-idle").getText()).as("back to waiting").contains("业务办结后");
        String next = Cases.newCaseNo();
        api.putCase(next, Cases.completedAtCityHall());
        api.signed("POST", "/api/v1/devices/DEV-XC-W01/present", TestApi.json(Map.of("caseNo", next)),
                "demo-device-xc-w01", "demo-device-secret-2026");
        browser.waitUntil(d -> browser.findAll("#case-no").stream().anyMatch(e -> e.getText().equals(next)));
    }

    @Test
    void anUnregisteredBrowserIsTurnedAway() {
        browser.open(baseUrl() + "/device/DEV-XC-W01");
        assertThat(browser.pageText()).contains("尚未登记为评价器");
        assertThat(browser.findAll("#panel")).isEmpty();
    }
}
