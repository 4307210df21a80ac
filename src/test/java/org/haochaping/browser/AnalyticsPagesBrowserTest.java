package org.haochaping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The analysis pages in a desktop browser: 群众声音, key supervision, the printable report, and the city government
 * office publishing a month that the public then reads without login.
 */
@Tag("browser")
class AnalyticsPagesBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = Browser.desktop();

    private void login(String username) {
        browser.open(baseUrl() + "/login");
        browser.waitVisible("#username").sendKeys(username);
        browser.find("#password").sendKeys(TestApi.PASSWORD);
        browser.clickAndWaitForPage(browser.find("#login-submit"));
        assertThat(browser.driver().getCurrentUrl()).as("signed in as " + username).doesNotContain("/login");
    }

    private String rateAtCityHall(String level, String comment, List<String> reasons) {
        String caseNo = Cases.newCaseNo();
        assertThat(api.putCase(caseNo, Cases.completedAtCityHall()).status()).isEqualTo(201);
        TestApi.Answer rated = api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo,
                "channel", "PC", "level", level, "comment", comment, "reasons", reasons)), TestApi.PLATFORM,
                TestApi.PLATFORM_SECRET);
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        String id = rated.text("id");
        Await.until("rating counted", () -> jdbc.sql("select count(*) from analytics_rating where evaluation_id = :id")
                .param("id", id).query(Long.class).single() == 1);
        return caseNo;
    }

    @Test
    void supervisorReadsWhatPeopleSayWithoutTheirPersonalData() {
        rateAtCityHall("DISSATISFIED", "材料要求反复变化，赵主任让我打13612345678咨询", List.of("MATERIALS_BURDEN"));
        rateAtCityHall("VERY_SATISFIED", "材料一次讲清楚，办理很快", List.of("EFFICIENT"));

        login("supervisor");
        browser.open(baseUrl() + "/console/comments");
        assertThat(browser.waitVisible("main h1").getText()).contains("群众声音");
        assertThat(browser.find("#top-terms").getText()).contains("材料");
        assertThat(browser.find("#reasons").getText()).contains("材料要求重复/繁琐");
        assertThat(browser.find("#examples").getText()).contains("材料");
        assertThat(browser.source()).doesNotContain("13612345678", "赵主任");
        browser.screenshot("desktop-comments");

        browser.open(baseUrl() + "/console/supervision?subject=STAFF");
        assertThat(browser.waitVisible("main h1").getText()).contains("重点监督");
        assertThat(browser.find("#key-supervision").getText()).contains("连续", "建议调整岗位");
        assertThat(browser.find("#clusters").getText()).contains("差评集中问题");
        browser.screenshot("desktop-supervision");
    }

    @Test
    void thePrintableReportShowsEverySection() {
        rateAtCityHall("DISSATISFIED", "办理超时", List.of("OVERDUE"));
        login("supervisor");
        browser.open(baseUrl() + "/console/reports");
        String month = LocalDate.now(Zones.SHANGHAI).toString().substring(0, 7);
        assertThat(browser.waitVisible("#report-periods").getText()).contains(month + ".xlsx", "考核指标.xlsx");
        browser.clickAndWaitForPage(browser.findAll("#report-periods a").get(0));
        assertThat(browser.waitVisible("main h1").getText()).contains("情况报告");
        String text = browser.pageText();
        assertThat(text).contains("一、总体情况", "二、排名", "三、差评整改", "四、典型案例", "五、重点监督对象", "满意率",
                "许昌市市场监督管理局");
        assertThat(browser.find("#print").isDisplayed()).isTrue();
        browser.screenshot("desktop-report");
    }

    @Test
    void cityOfficePublishesAMonthAndThePublicReadsItWithoutLogin() {
        rateAtCityHall("VERY_SATISFIED", "很好", List.of());
        LocalDate today = LocalDate.now(Zones.SHANGHAI);
        String month = today.toString().substring(0, 7);
        clock.advance(Duration.ofDays(today.lengthOfMonth() - today.getDayOfMonth() + 2));

        login("city.office");
        browser.find(".topbar nav details.menu:nth-of-type(2) summary").click();
        assertThat(browser.find(".topbar nav").getText()).contains("结果发布");
        browser.open(baseUrl() + "/console/publication");
        WebElement row = browser.waitVisible("#period-" + month);
        if (!row.findElements(By.cssSelector("button.publish")).isEmpty()) {
            browser.clickAndWaitForPage(row.findElement(By.cssSelector("button.publish")));
            assertThat(browser.waitVisible("#notice").getText()).contains("已发布");
        }
        row = browser.waitVisible("#period-" + month);
        assertThat(row.getText()).contains("已发布");
        row.findElement(By.cssSelector("details summary")).click();
        row.findElement(By.name("title")).sendKeys("材料一次告知");
        row.findElement(By.name("said")).sendKeys("群众反映补交材料要跑好几次，联系电话13712345678");
        row.findElement(By.name("done")).sendKeys("窗口推行一次性告知单，材料清单上墙");
        browser.screenshot("desktop-publication");
        browser.clickAndWaitForPage(row.findElement(By.cssSelector(".story-form button")));
        assertThat(browser.waitVisible("#notice").getText()).contains("已添加");

        browser.driver().manage().deleteAllCookies();
        browser.open(baseUrl() + "/");
        browser.clickAndWaitForPage(browser.driver().findElement(By.linkText("查看公示")));
        assertThat(browser.waitVisible("main h1").getText()).contains("结果公示");
        browser.open(baseUrl() + "/public/" + month);
        assertThat(browser.waitVisible("#public-title").getText()).contains("评价结果");
        assertThat(browser.find("#public-metrics").getText()).contains("满意率", "有效评价数");
        assertThat(browser.find("#public-ranking-department").getText()).contains("许昌市市场监督管理局");
        assertThat(browser.find("#stories").getText()).contains("材料一次告知", "一次性告知单")
                .doesNotContain("13712345678");
        assertThat(browser.find(".topbar").getText()).contains("工作人员登录");
        assertThat(browser.source()).doesNotContain("张三", "13812345678", "张伟", "S1001");
        browser.screenshot("desktop-public");
    }
}
