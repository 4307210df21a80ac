package org.haochaping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The supervision office follows a bad rating of a case that a lower-level platform (魏都区) owns: the rating list
 * says who handles it (由…办理), the rating links to the whole loop with the owner's rectification result, and the
 * exchange console shows the ratings going down and the conflicts between levels.
 */
@Tag("browser")
class ExchangeLoopBrowserTest extends IntegrationTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @RegisterExtension
    static final Browser browser = Browser.desktop();

    /** 魏都区 reports a case rated 非常不满意 on its side, and later its rectification. */
    private String ratedAndRectifiedBelow() {
        String caseNo = Cases.newCaseNo();
        OffsetDateTime now = Zones.now(clock);
        Map<String, String> record = new LinkedHashMap<>();
        record.put("projectNo", caseNo);
        record.put("taskCode", "ITEM-MZJ-001");
        record.put("taskName", "结婚登记");
        record.put("deptCode", "114110020050412748");
        record.put("areaCode", "411002");
        record.put("proStatus", "3");
        record.put("acceptDate", now.minusHours(3).format(TIME));
        record.put("finishDate", now.minusHours(2).format(TIME));
        record.put("pf", "3");
        record.put("satisfaction", "1");
        record.put("writingEvaluation", "材料要求反复变 " + caseNo);
        record.put("assessTime", now.minusHours(1).format(TIME));
        assertThat(report(record).status()).isEqualTo(201);
        Map<String, String> rectified = new LinkedHashMap<>();
        rectified.put("projectNo", caseNo);
        rectified.put("rectifyStatus", "RECTIFIED");
        rectified.put("rootCause", "MATERIALS");
        rectified.put("rectifyMeasures", "公布材料清单，窗口一次性告知");
        rectified.put("rectifyTime", now.minusMinutes(10).format(TIME));
        rectified.put("rectifyOnTime", "1");
        assertThat(report(rectified).status()).isEqualTo(201);
        return caseNo;
    }

    private TestApi.Answer report(Map<String, String> record) {
        return api.signed("POST", "/api/v1/exchange/reports", TestApi.json(record), TestApi.LOWER,
                TestApi.LOWER_SECRET);
    }

    @Test
    void theSupervisionOfficeFollowsTheLoopOfARatingHandledBelow() {
        String caseNo = ratedAndRectifiedBelow();

        login("supervisor");
        browser.open(baseUrl() + "/console/evaluations?caseNo=" + caseNo);
        List<WebElement> rows = browser.findAll("#evaluations tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(caseNo, "由魏都区好差评平台办理", "非常不满意");
        browser.clickAndWaitForPage(rows.get(0).findElement(org.openqa.selenium.By.cssSelector("td a")));
        assertThat(browser.waitVisible("#handled-by").getText()).contains("由魏都区好差评平台办理");
        assertThat(browser.pageText()).contains("差评工单、默认评价和评价邀请均由办理平台负责");
        browser.screenshot("desktop-exchange-rating-handled-below");

        browser.clickAndWaitForPage(browser.find("#loop-link"));
        browser.waitUntil(ExpectedConditions.urlContains("/console/exchange/loops/" + caseNo));
        assertThat(browser.find("#loop-owner").getText()).isEqualTo("由魏都区好差评平台办理");
        assertThat(browser.find("#loop-level").getText()).isEqualTo("非常不满意");
        assertThat(browser.find("#loop-stage").getText()).isEqualTo("已整改");
        assertThat(browser.find("#loop-results").getText()).contains("问题原因：材料（按期）",
                "整改措施：公布材料清单，窗口一次性告知");
        assertThat(browser.stickingOut("#loop-results li")).isEmpty();
        browser.screenshot("desktop-exchange-loop");

        browser.open(baseUrl() + "/console/exchange/loops");
        assertThat(browser.waitVisible("#loops").getText()).contains(caseNo, "结婚登记", "已整改",
                "公布材料清单，窗口一次性告知");
        browser.screenshot("desktop-exchange-loops");

        browser.open(baseUrl() + "/console/exchange");
        assertThat(browser.waitVisible("#downstream").getText()).contains("下级平台", "待转送", "冲突");
        assertThat(browser.find("#conflicts").isDisplayed()).isTrue();
        assertThat(browser.find("#reconciliation thead").getText()).contains("评价冲突");
        browser.screenshot("desktop-exchange-console");
    }

    @Test
    void aRatingGivenHereShowsItsWayDownToTheOwner() {
        String caseNo = Cases.newCaseNo();
        OffsetDateTime now = Zones.now(clock);
        Map<String, String> record = new LinkedHashMap<>();
        record.put("projectNo", caseNo);
        record.put("taskCode", "ITEM-MZJ-001");
        record.put("taskName", "结婚登记");
        record.put("deptCode", "114110020050412748");
        record.put("areaCode", "411002");
        record.put("proStatus", "3");
        record.put("finishDate", now.minusHours(2).format(TIME));
        assertThat(report(record).status()).isEqualTo(201);
        assertThat(api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "PC",
                "level", "DISSATISFIED", "comment", "网上评价 " + caseNo)), TestApi.PLATFORM, TestApi.PLATFORM_SECRET)
                .status()).isEqualTo(201);

        login("supervisor");
        browser.open(baseUrl() + "/console/exchange/loops/" + caseNo);
        assertThat(browser.waitVisible("#loop-forwarding").getText()).isEqualTo("待转送");
        assertThat(browser.pageText()).contains("网上办事大厅（在本平台评价，转送办理平台办理）", "办理平台尚未报送整改结果");
        browser.screenshot("desktop-exchange-loop-rated-here");
    }

    @Test
    void aHandlerSeesWhoHandlesTheRatingButNotTheExchangePages() {
        String caseNo = ratedAndRectifiedBelow();
        login("wd.supervisor");
        browser.open(baseUrl() + "/console/evaluations?caseNo=" + caseNo);
        assertThat(browser.waitVisible("#evaluations").getText()).contains("由魏都区好差评平台办理");

        browser.open(baseUrl() + "/logout");
        browser.driver().manage().deleteAllCookies();
        login("xc.hall");
        browser.open(baseUrl() + "/console/exchange/loops/" + caseNo);
        assertThat(browser.pageText()).doesNotContain("公布材料清单");
    }

    private void login(String username) {
        browser.open(baseUrl() + "/login");
        browser.waitVisible("#username").sendKeys(username);
        browser.find("#password").sendKeys(TestApi.PASSWORD);
        browser.clickAndWaitForPage(browser.find("#login-submit"));
        assertThat(browser.driver().getCurrentUrl()).as("signed in as " + username).doesNotContain("/login");
    }
}
