package org.haochaping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

/** The citizen's rating page ({@code /e/{token}}) on a phone, as opened from the receipt's QR code. */
@Tag("browser")
class RatingPageBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = Browser.phone();

    @Test
    void citizenRatesDissatisfiedOnAPhoneAndTheLinkCannotBeUsedTwice() {
        String caseNo = Cases.newCaseNo();
        String url = invitationFor(caseNo);

        browser.open(url);
        assertThat(browser.waitVisible("#item-name").getText()).isEqualTo("企业设立登记");
        assertThat(browser.find("#case-no").getText()).isEqualTo(caseNo);
        String facts = browser.find("dl.facts").getText();
        assertThat(facts).contains("许昌市市场监督管理局", "许昌市政务服务中心");
        assertThat(browser.find(".reasons-DISSATISFIED").isDisplayed())
                .as("no reasons are offered before a level is chosen").isFalse();
        assertThat(browser.scrollsSideways()).as("the page fits the phone's width").isFalse();
        assertThat(browser.stickingOut("dl.facts dd")).as("case facts stay inside their card").isEmpty();
        browser.screenshot("phone-rating-form");

        browser.find("label[for='level-DISSATISFIED']").click();
        assertThat(browser.find("#level-DISSATISFIED").isSelected()).isTrue();
        WebElement reasons = browser.waitVisible(".reasons-DISSATISFIED");
        assertThat(reasons.getText()).contains("态度生硬", "办理超时");
        for (String other : List.of("VERY_SATISFIED", "SATISFIED", "BASIC", "VERY_DISSATISFIED")) {
            assertThat(browser.find(".reasons-" + other).isDisplayed())
                    .as("reasons of level %s stay hidden", other).isFalse();
        }
        WebElement attitudePoor = browser.find(".reasons-DISSATISFIED input[value='DISSATISFIED:ATTITUDE_POOR']");
        assertThat(attitudePoor.isDisplayed()).isTrue();
        attitudePoor.click();
        assertThat(attitudePoor.isSelected()).isTrue();
        new Select(browser.find("#dim-ATTITUDE")).selectByVisibleText("不满意");
        String comment = "窗口人员态度生硬，材料说明不清。" + caseNo;
        browser.find("#comment").sendKeys(comment);
        browser.screenshot("phone-rating-form-dissatisfied");

        browser.clickAndWaitForPage(browser.find("#submit-rating"));
        String thanks = browser.waitVisible("#thanks").getText();
        assertThat(thanks).contains("感谢您的评价", "不满意", caseNo, "15 日内");
        browser.screenshot("phone-rating-thanks");

        JsonNode stored = ratingsOf(caseNo);
        assertThat(stored.path("total").asLong()).isEqualTo(1);
        JsonNode rating = stored.path("items").get(0);
        assertThat(rating.path("level").asString()).isEqualTo("DISSATISFIED");
        assertThat(rating.path("channel").asString()).isEqualTo("QR");
        assertThat(rating.path("reasons").size()).isEqualTo(1);
        assertThat(rating.path("reasons").get(0).asString()).isEqualTo("ATTITUDE_POOR");
        assertThat(rating.path("dimensions").path("ATTITUDE").asString()).isEqualTo("DISSATISFIED");
        assertThat(rating.path("dimensions").size()).as("only the chosen dimension is stored").isEqualTo(1);
        assertThat(rating.path("comment").asString()).isEqualTo(comment);

        browser.open(url);
        String again = browser.waitVisible("h1").getText() + "\n" + browser.pageText();
        assertThat(again).containsAnyOf("已使用", "已评价");
        assertThat(browser.findAll("#rating-form")).as("no form for a used link").isEmpty();
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("phone-rating-link-used");
        assertThat(ratingsOf(caseNo).path("total").asLong()).as("still exactly one rating").isEqualTo(1);
    }

    @Test
    void submittingWithoutALevelShowsAChineseErrorAndStoresNothing() {
        String caseNo = Cases.newCaseNo();
        String url = invitationFor(caseNo);

        browser.open(url);
        browser.waitVisible("#rating-form");
        browser.find("#comment").sendKeys("忘了选等级");
        browser.clickAndWaitForPage(browser.find("#submit-rating"));

        WebElement error = browser.waitVisible(".notice.error");
        assertThat(error.getText()).contains("请选择满意度等级");
        assertThat(browser.findAll("#thanks")).isEmpty();
        assertThat(browser.find("#case-no").getText()).as("the form is shown again").isEqualTo(caseNo);
        assertThat(browser.find("#comment").getAttribute("value")).as("what was typed is kept").isEqualTo("忘了选等级");
        browser.screenshot("phone-rating-missing-level");
        assertThat(ratingsOf(caseNo).path("total").asLong()).isZero();

        // the link is still usable after the refused attempt
        browser.find("label[for='level-SATISFIED']").click();
        browser.clickAndWaitForPage(browser.find("#submit-rating"));
        assertThat(browser.waitVisible("#thanks").getText()).contains("满意");
        assertThat(ratingsOf(caseNo).path("total").asLong()).isEqualTo(1);
    }

    @Test
    void largeFontModeEnlargesThePageAndSurvivesTheSubmission() {
        // case numbers of the provincial systems are long; they must still fit a phone in large print
        String caseNo = Cases.newCaseNo() + "-41100020261127000001";
        String url = invitationFor(caseNo);

        browser.open(url);
        WebElement standardTitle = browser.waitVisible(".rate h1");
        double standardSize = pixels(standardTitle.getCssValue("font-size"));
        assertThat(browser.findAll(".rate.large")).isEmpty();

        WebElement toggle = browser.driver().findElement(By.linkText("大字模式"));
        browser.clickAndWaitForPage(toggle);
        browser.waitUntil(ExpectedConditions.urlContains("large="));
        WebElement largeTitle = browser.waitVisible(".rate.large h1");
        assertThat(pixels(largeTitle.getCssValue("font-size"))).isGreaterThan(standardSize * 1.15);
        assertThat(browser.find("#case-no").getText()).isEqualTo(caseNo);
        assertThat(browser.scrollsSideways()).as("the large page still fits the phone's width").isFalse();
        assertThat(browser.stickingOut("dl.facts dd")).as("case facts stay inside their card").isEmpty();
        assertThat(browser.driver().findElement(By.linkText("标准字号")).isDisplayed()).isTrue();
        browser.screenshot("phone-rating-large");

        browser.find("label[for='level-VERY_SATISFIED']").click();
        browser.clickAndWaitForPage(browser.find("#submit-rating"));
        assertThat(browser.waitVisible("#thanks").getText()).contains("非常满意");
        assertThat(browser.findAll(".rate.large")).as("the thanks page keeps the large font").isNotEmpty();

        JsonNode rating = ratingsOf(caseNo).path("items").get(0);
        assertThat(rating.path("level").asString()).isEqualTo("VERY_SATISFIED");
    }

    private String invitationFor(String caseNo) {
        TestApi.Answer reported = api.putCase(caseNo, Cases.completedAtCityHall());
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String url = reported.json().path("invitation").path("url").asString();
        assertThat(url).startsWith(baseUrl() + "/e/");
        return url;
    }

    private JsonNode ratingsOf(String caseNo) {
        TestApi.Answer answer = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations?caseNo=" + caseNo, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static double pixels(String cssLength) {
        assertThat(cssLength).endsWith("px");
        return Double.parseDouble(cssLength.substring(0, cssLength.length() - 2));
    }
}
