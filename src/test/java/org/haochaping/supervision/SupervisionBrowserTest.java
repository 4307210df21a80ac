package org.haochaping.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;

import org.haochaping.browser.Browser;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * 第十五条 in real browsers: the office confirms a proposed key subject, the department submits its measures with a
 * deadline, the office accepts them and the entry is closed; then a notice is composed, previewed and published.
 */
@Tag("browser")
class SupervisionBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser desktop = Browser.desktop();

    Ratings ratings;

    @BeforeEach
    void setUp() {
        ratings = new Ratings(api, jdbc, clock);
    }

    @Test
    void fromAConfirmedKeySubjectToAcceptedMeasures() {
        YearMonth month = ratings.twoBadMonthsForYuzhou(20);
        String id = ratings.proposedEntry(month, "DEPARTMENT", "YZ-RSJ");

        login("supervisor");
        desktop.open(baseUrl() + "/console/supervision/key-entries?period=" + month);
        assertThat(desktop.waitVisible("#key-entries").getText()).contains("禹州市人力资源和社会保障局", "待确认", "连续 2 期");
        desktop.screenshot("supervision-key-list");
        desktop.clickAndWaitForPage(desktop.find("#key-entries").findElement(By.linkText("禹州市人力资源和社会保障局")));
        assertThat(desktop.waitVisible("#entry-status").getText()).isEqualTo("待确认");
        desktop.find("#confirm-note").sendKeys("连续两月排名末位，列为重点监督对象");
        desktop.clickAndWaitForPage(desktop.find("#confirm-submit"));
        assertThat(desktop.waitVisible("#done").getText()).contains("已确认列入");
        assertThat(desktop.find("#entry-status").getText()).isEqualTo("待报整改措施");
        assertThat(desktop.findAll("#measures-form")).as("the office does not write the measures").isEmpty();

        switchTo("yz.handler");
        desktop.open(baseUrl() + "/console/supervision/entries/" + id);
        desktop.waitVisible("#measures-form");
        desktop.clickAndWaitForPage(desktop.find("#measures-submit"));
        assertThat(desktop.waitVisible("#step-error").getText()).contains("请填写整改措施");
        desktop.find("#measures").sendKeys("窗口负责人牵头开展服务规范培训；实行材料一次性告知；每周通报差评");
        String deadline = ratings.today().plusDays(30).toString();
        ((org.openqa.selenium.JavascriptExecutor) desktop.driver())
                .executeScript("arguments[0].value = arguments[1]", desktop.find("#measures-deadline"), deadline);
        desktop.clickAndWaitForPage(desktop.find("#measures-submit"));
        assertThat(desktop.waitVisible("#entry-status").getText()).isEqualTo("整改措施落实中");
        assertThat(desktop.find("#entry-deadline").getText()).isEqualTo(deadline);
        desktop.screenshot("supervision-entry-measures");

        switchTo("supervisor");
        desktop.open(baseUrl() + "/console/supervision/entries/" + id);
        desktop.waitVisible("#accept-form");
        desktop.find("#accept-note").sendKeys("整改措施落实到位，验收通过");
        desktop.clickAndWaitForPage(desktop.find("#accept-submit"));
        assertThat(desktop.waitVisible("#entry-status").getText()).isEqualTo("已验收销号");
        assertThat(desktop.find("#history").getText()).contains("确认列入重点监督", "提交整改措施", "验收销号");
        desktop.screenshot("supervision-entry-closed");
    }

    @Test
    void theOfficeComposesPreviewsAndPublishesANotice() {
        Ratings.Rated rated = ratings.confirmedAtCityHall();
        ratings.as("xc.handler", "POST", "/api/v1/work-orders/" + rated.workOrderId() + "/rectification",
                Map.of("measures", "一次性告知材料清单，窗口人员重新培训", "rootCause", "MATERIALS"));
        login("supervisor");
        desktop.open(baseUrl() + "/console/supervision/notices");
        desktop.waitVisible("#compose-form");
        desktop.find("#compose-period").clear();
        desktop.find("#compose-period").sendKeys(YearMonth.now(clock).toString());
        desktop.clickAndWaitForPage(desktop.find("#compose-submit"));
        assertThat(desktop.waitVisible("#notice-preview").getText()).contains("典型案例", "企业设立登记");
        desktop.screenshot("supervision-notice-draft");
        desktop.clickAndWaitForPage(desktop.find("#publish-submit"));
        assertThat(desktop.waitVisible("#notice-status").getText()).isEqualTo("已发布");
        desktop.clickAndWaitForPage(desktop.find("#public-link"));
        assertThat(desktop.waitVisible("#public-notice").getText()).contains("典型案例").doesNotContain(rated.caseNo());
        desktop.screenshot("supervision-public-notice");
    }

    private void switchTo(String username) {
        desktop.driver().manage().deleteAllCookies();
        login(username);
    }

    private void login(String username) {
        desktop.open(baseUrl() + "/login");
        desktop.waitVisible("#username").sendKeys(username);
        desktop.find("#password").sendKeys(TestApi.PASSWORD);
        desktop.clickAndWaitForPage(desktop.find("#login-submit"));
        assertThat(desktop.driver().getCurrentUrl()).as("signed in as " + username).doesNotContain("/login");
    }
}
