package org.haochaping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.haochaping.rectification.internal.FeedbackTokens;
import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bad-review loop in real browsers: the citizen on a phone, the supervision office and the department at their
 * desks — from the bad rating to the closed call-back, the overdue list, an appeal, the problem ledger and the
 * holiday calendar.
 */
@Tag("browser")
class WorkOrderBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser desktop = Browser.desktop();

    @RegisterExtension
    static final Browser phone = Browser.phone();

    @Autowired
    FeedbackTokens tokens;

    @Test
    void aBadRatingWalksFromThePhoneThroughTheConsoleToAClosedCallBack() {
        String caseNo = Cases.newCaseNo();
        phone.open(invitationFor(caseNo));
        phone.waitVisible("#rating-form");
        phone.find("label[for='level-DISSATISFIED']").click();
        phone.find("#comment").sendKeys("材料要求说不清，跑了三趟 " + caseNo);
        phone.clickAndWaitForPage(phone.find("#submit-rating"));
        assertThat(phone.waitVisible("#thanks").getText()).contains("不满意");
        String workOrderId = workOrderOf(caseNo);

        // the supervision office finds it in its verification queue and confirms it
        login("supervisor");
        desktop.open(baseUrl() + "/console/work-orders?status=PENDING_VERIFICATION&caseNo=" + caseNo);
        List<WebElement> rows = desktop.findAll("#work-orders tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(caseNo, "企业设立登记", "许昌市市场监督管理局", "不满意", "待核实");
        desktop.screenshot("desktop-work-orders-pending");
        desktop.clickAndWaitForPage(rows.get(0).findElement(By.linkText(caseNo)));
        assertThat(desktop.waitVisible("#order-status").getText()).isEqualTo("待核实");
        assertThat(desktop.find("#rating-comment").getText()).contains("跑了三趟");
        assertThat(desktop.find("#evaluator-mobile").getText()).isEqualTo("138****5678");
        assertThat(desktop.findAll("#rectify-form")).as("the supervision office does not rectify").isEmpty();
        desktop.find("#verdict-CONFIRMED").click();
        desktop.find("#verify-note").sendKeys("调取窗口录像，情况属实");
        desktop.clickAndWaitForPage(desktop.find("#verify-submit"));
        assertThat(desktop.waitVisible("#done").getText()).contains("核实结论已保存");
        assertThat(desktop.find("#order-status").getText()).isEqualTo("整改中");
        assertThat(desktop.find("#order-deadline").getText()).isEqualTo(LocalDate.now(clock).plusDays(15).toString());

        // the department rectifies and answers the evaluator, never seeing who rated
        switchTo("xc.handler");
        desktop.open(baseUrl() + "/console/work-orders/" + workOrderId);
        desktop.waitVisible("#rectify-form");
        assertThat(desktop.findAll("#evaluator, #evaluator-mobile, #reveal-form, #verify-form")).isEmpty();
        assertThat(desktop.source()).doesNotContain("张三", "张*", "13812345678", "138****5678");
        desktop.clickAndWaitForPage(desktop.find("#rectify-submit"));
        assertThat(desktop.waitVisible("#step-error").getText()).as("measures and a root cause are required")
                .contains("请");
        assertThat(desktop.find("#order-status").getText()).isEqualTo("整改中");
        new Select(desktop.find("#root-cause")).selectByVisibleText("材料");
        desktop.find("#measures").sendKeys("一次性告知材料清单，窗口人员重新培训");
        desktop.clickAndWaitForPage(desktop.find("#rectify-submit"));
        assertThat(desktop.waitVisible("#order-status").getText()).isEqualTo("已整改");
        new Select(desktop.find("#feedback-channel")).selectByVisibleText("短信");
        desktop.find("#feedback-message").sendKeys("已为您开通材料预审，并对窗口人员进行了培训。");
        desktop.clickAndWaitForPage(desktop.find("#feedback-submit"));
        assertThat(desktop.waitVisible("#order-status").getText()).isEqualTo("已反馈");
        assertThat(desktop.find("#messages").getText()).contains("待短信网关发送", "追评链接仅评价人可见");
        desktop.screenshot("desktop-work-order-handler");

        // the evaluator opens the SMS link, reads what was done and rates the response once
        String link = baseUrl() + tokens.pathFor(jdbc.sql(
                "select token_id from rectification_outbox where work_order_id = :id").param("id", workOrderId)
                .query(String.class).single());
        phone.open(link);
        assertThat(phone.waitVisible("#feedback-message").getText()).isEqualTo("已为您开通材料预审，并对窗口人员进行了培训。");
        assertThat(phone.find("#measures").getText()).isEqualTo("一次性告知材料清单，窗口人员重新培训");
        assertThat(phone.find("#case-no").getText()).isEqualTo(caseNo);
        assertThat(phone.scrollsSideways()).isFalse();
        phone.screenshot("phone-feedback-page");
        phone.find("label[for='level-SATISFIED']").click();
        phone.find("#comment").sendKeys("这次材料一次就交齐了");
        phone.clickAndWaitForPage(phone.find("#submit-follow-up"));
        assertThat(phone.waitVisible("#thanks").getText()).contains("感谢您的追评", "满意");
        phone.screenshot("phone-follow-up-thanks");
        phone.open(link);
        assertThat(phone.waitVisible("#follow-up-given").getText()).contains("您已追评", "满意");
        assertThat(phone.findAll("#follow-up-form")).as("one follow-up per rating").isEmpty();

        // the supervision office sees the follow-up, reveals the number (audited) and calls back
        switchTo("supervisor");
        desktop.open(baseUrl() + "/console/work-orders/" + workOrderId);
        assertThat(desktop.waitVisible("#order-follow-up").getText()).contains("满意", "一次就交齐");
        assertThat(desktop.find("#messages").getText()).contains("/f/");
        desktop.clickAndWaitForPage(desktop.find("#reveal-submit"));
        assertThat(desktop.waitVisible("#evaluator-mobile").getText()).isEqualTo("13812345678");
        assertThat(desktop.find("#revealed").getText()).contains("审计日志");
        desktop.find("#reached-yes").click();
        desktop.find("#satisfied-yes").click();
        desktop.find("#callback-note").sendKeys("评价人对整改结果满意");
        desktop.clickAndWaitForPage(desktop.find("#callback-submit"));
        assertThat(desktop.waitVisible("#order-status").getText()).isEqualTo("已办结");
        assertThat(desktop.find("#order-outcome").getText()).isEqualTo("已解决");
        assertThat(desktop.find("#evaluator-mobile").getText()).as("masked again after the reveal").isEqualTo("138****5678");
        assertThat(desktop.find("#timeline").getText()).contains("生成工单", "核实属实", "提交整改结果", "反馈评价人",
                "评价人追评", "查看评价人联系方式", "回访满意", "办结");
        assertThat(desktop.find("#no-action").getText()).contains("没有需要您办理");
        desktop.screenshot("desktop-work-order-closed");
    }

    @Test
    void anOverdueOrderIsMarkedInTheListAndNoticedByTheDepartment() {
        String caseNo = Cases.newCaseNo();
        String workOrderId = ratedAndConfirmed(caseNo);
        clock.advance(Duration.ofDays(16));
        assertThat(api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/overdue-work-orders/run", null).status())
                .isEqualTo(200);

        login("xc.handler");
        desktop.open(baseUrl() + "/console/work-orders");
        assertThat(Integer.parseInt(desktop.waitVisible("#notice-badge").getText())).isPositive();
        assertThat(Integer.parseInt(desktop.find("#overdue-count").getText())).isPositive();
        desktop.screenshot("desktop-work-orders-handler");
        desktop.clickAndWaitForPage(desktop.find("#tab-overdue"));
        assertThat(desktop.driver().getCurrentUrl()).contains("overdue=true");
        WebElement row = desktop.driver().findElement(By.xpath("//tr[.//a[text()='" + caseNo + "']]"));
        assertThat(row.getText()).contains("逾期", "整改中");
        desktop.screenshot("desktop-work-orders-overdue");

        desktop.open(baseUrl() + "/console/notifications");
        assertThat(desktop.waitVisible("#notices").getText()).contains("已逾期", caseNo);
        desktop.screenshot("desktop-notifications");
        desktop.clickAndWaitForPage(desktop.find("#mark-read"));
        assertThat(desktop.findAll("#notice-badge")).as("all read").isEmpty();

        desktop.open(baseUrl() + "/console/work-orders/" + workOrderId);
        assertThat(desktop.waitVisible("#order-overdue").getText()).isEqualTo("已逾期");
    }

    @Test
    void theRatedStaffMemberAppealsAndTheSupervisionOfficeUpholdsIt() {
        String caseNo = Cases.newCaseNo();
        String workOrderId = ratedAndConfirmed(caseNo);
        String evaluationId = jdbc.sql("select evaluation_id from rectification_work_order where id = :id")
                .param("id", workOrderId).query(String.class).single();
        String reason = "录音显示按规定解释了材料要求（" + java.util.UUID.randomUUID().toString().substring(0, 8) + "）";

        login("s1001");
        desktop.open(baseUrl() + "/console/appeals");
        new Select(desktop.waitVisible("#appeal-rating")).selectByValue(evaluationId);
        desktop.find("#appeal-reason").sendKeys(reason);
        desktop.find("#appeal-evidence").sendKeys("窗口录音 10:20-10:35");
        desktop.screenshot("desktop-appeal-new");
        desktop.clickAndWaitForPage(desktop.find("#appeal-new-submit"));
        assertThat(desktop.waitVisible("#done").getText()).contains("申诉已提交");
        WebElement mine = appealCard(reason);
        assertThat(mine.getText()).contains("待复核").doesNotContain(caseNo);
        assertThat(mine.findElements(By.cssSelector(".decision-form"))).as("staff do not decide").isEmpty();

        switchTo("supervisor");
        desktop.open(baseUrl() + "/console/appeals?status=PENDING");
        WebElement card = appealCard(reason);
        assertThat(card.getText()).contains(caseNo, "s1001");
        card.findElement(By.cssSelector(".upheld-yes")).click();
        card.findElement(By.cssSelector(".decision-note")).sendKeys("经复核录音，评价内容与事实不符");
        desktop.screenshot("desktop-appeal-decision");
        desktop.clickAndWaitForPage(card.findElement(By.cssSelector(".decision-submit")));
        assertThat(desktop.waitVisible("#done").getText()).contains("复核结论已保存");
        assertThat(appealCard(reason).getText()).contains("申诉成立");

        desktop.open(baseUrl() + "/console/work-orders/" + workOrderId);
        assertThat(desktop.waitVisible("#order-status").getText()).isEqualTo("已办结");
        assertThat(desktop.find("#order-outcome").getText()).isEqualTo("评价无效");
        assertThat(desktop.find("#appeal").getText()).contains("申诉成立");
    }

    @Test
    void theSupervisionOfficeGroupsBadRatingsIntoACommonProblemAndSolvesIt() {
        String caseNo = Cases.newCaseNo();
        String workOrderId = ratedAndConfirmed(caseNo);
        String title = "材料一次性告知不到位 " + caseNo;

        login("supervisor");
        desktop.open(baseUrl() + "/console/problems");
        assertThat(desktop.waitVisible("#double-zero").getText()).contains("未办结差评工单", "未解决共性问题", "双归零");
        assertThat(desktop.find("#double-zero-table").getText()).contains("许昌市市场监督管理局", "禹州市人力资源和社会保障局");
        desktop.find("#problem-title").sendKeys(title);
        desktop.find("#problem-description").sendKeys("多条差评反映需多次补交材料");
        new Select(desktop.find("#problem-department")).selectByValue("XC-SCJG");
        desktop.find("#problem-owner").sendKeys("登记注册科 王科长");
        setValue(desktop.find("#problem-deadline"), LocalDate.now(clock).plusDays(20).toString());
        desktop.screenshot("desktop-problem-ledger");
        desktop.clickAndWaitForPage(desktop.find("#problem-submit"));

        assertThat(desktop.waitVisible("#problem-title").getText()).isEqualTo(title);
        assertThat(desktop.find("#problem-status").getText()).isEqualTo("整改中");
        desktop.find("#attach-form input[value='" + workOrderId + "']").click();
        desktop.clickAndWaitForPage(desktop.find("#attach-submit"));
        assertThat(desktop.waitVisible("#linked-orders").getText()).contains(caseNo);
        desktop.find("#solution").sendKeys("已修订办事指南和一次性告知单");
        desktop.clickAndWaitForPage(desktop.find("#solve-submit"));
        assertThat(desktop.waitVisible("#problem-status").getText()).isEqualTo("已解决");
        desktop.screenshot("desktop-problem");

        desktop.open(baseUrl() + "/console/problems?status=SOLVED");
        assertThat(desktop.waitVisible("#problems").getText()).contains(title, "已解决");

        new Select(desktop.find("#supervision-kind")).selectByVisibleText("约谈");
        new Select(desktop.find("#supervision-department")).selectByValue("XC-SCJG");
        desktop.find("#supervision-summary").sendKeys("约谈登记注册科负责人 " + caseNo);
        desktop.clickAndWaitForPage(desktop.find("#supervision-submit"));
        assertThat(desktop.waitVisible("#records").getText()).contains("约谈", caseNo);
    }

    @Test
    void anAdministratorUploadsTheHolidayCalendarAndAFaultyFileIsRefusedLineByLine() throws IOException {
        Path good = Files.createTempFile("holidays-", ".csv");
        Path faulty = Files.createTempFile("holidays-", ".csv");
        try {
            Files.writeString(good, "date,type,name\n2033-10-01,HOLIDAY,国庆节\n2033-10-02,HOLIDAY,国庆节\n"
                    + "2033-10-08,WORKDAY,国庆节调休\n", StandardCharsets.UTF_8);
            Files.writeString(faulty, "2033-10-01,HOLIDAY\n2033-10-32,HOLIDAY\n", StandardCharsets.UTF_8);

            login("admin");
            desktop.open(baseUrl() + "/console/holidays?year=2033");
            WebElement year = desktop.waitVisible("#holiday-year");
            year.clear();
            year.sendKeys("2033");
            desktop.find("#holiday-file").sendKeys(good.toAbsolutePath().toString());
            desktop.clickAndWaitForPage(desktop.find("#holiday-submit"));
            assertThat(desktop.waitVisible("#done").getText()).contains("2033 年节假日安排已更新");
            assertThat(desktop.findAll("#days tbody tr")).hasSize(3);
            assertThat(desktop.find("#days").getText()).contains("国庆节调休", "调休上班", "节假日");
            desktop.screenshot("desktop-holidays");

            desktop.find("#holiday-file").sendKeys(faulty.toAbsolutePath().toString());
            desktop.clickAndWaitForPage(desktop.find("#holiday-submit"));
            assertThat(desktop.waitVisible("#step-error").getText()).contains("第 2 行");
            assertThat(desktop.findAll("#days tbody tr")).as("nothing changed").hasSize(3);
        } finally {
            Files.deleteIfExists(good);
            Files.deleteIfExists(faulty);
        }
    }

    @Test
    void aBrokenFeedbackLinkShowsAPhonePageNotTheConsole() {
        phone.open(baseUrl() + "/f/" + "A".repeat(44));
        assertThat(phone.waitVisible("#problem h1").getText()).isEqualTo("链接无效");
        assertThat(phone.pageText()).doesNotContain("工作人员登录");
        assertThat(phone.scrollsSideways()).isFalse();
    }

    private WebElement appealCard(String reason) {
        return desktop.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'appeal') and .//dd[contains(@class,'appeal-reason') and text()='" + reason + "']]")));
    }

    private String ratedAndConfirmed(String caseNo) {
        String url = invitationFor(caseNo);
        String token = url.substring(url.lastIndexOf('/') + 1);
        TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token", token,
                "level", "VERY_DISSATISFIED", "comment", "承诺当天办结，拖了一周 " + caseNo)));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        String workOrderId = workOrderOf(caseNo);
        TestApi.Answer confirmed = api.bearer(api.login("supervisor"), "POST",
                "/api/v1/work-orders/" + workOrderId + "/verification", Map.of("verdict", "CONFIRMED", "note", "属实"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return workOrderId;
    }

    private String workOrderOf(String caseNo) {
        Await.until("work order of " + caseNo, () -> jdbc.sql(
                "select count(*) from rectification_work_order where case_no = :c").param("c", caseNo)
                .query(Long.class).single() == 1);
        return jdbc.sql("select id from rectification_work_order where case_no = :c").param("c", caseNo)
                .query(String.class).single();
    }

    private String invitationFor(String caseNo) {
        TestApi.Answer reported = api.putCase(caseNo, Cases.completedAtCityHall());
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return reported.json().path("invitation").path("url").asString();
    }

    private static void setValue(WebElement input, String value) {
        ((ChromeDriver) desktop.driver()).executeScript("arguments[0].value = arguments[1]", input, value);
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
