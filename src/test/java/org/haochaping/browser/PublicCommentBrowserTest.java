package org.haochaping.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haochaping.identity.PersonalDataVault;
import org.haochaping.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** A citizen writes a 综合点评 on a phone: mobile, SMS code, subject, level, comment. */
@Tag("browser")
class PublicCommentBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Browser browser = Browser.phone();

    @Autowired
    PersonalDataVault vault;

    @Test
    void citizenCommentsOnAHallAfterVerifyingTheMobile() {
        String mobile = "187" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        browser.open(baseUrl() + "/c");
        browser.waitVisible("#mobile").sendKeys(mobile);
        browser.screenshot("phone-comment-start");
        browser.clickAndWaitForPage(browser.find("#send-code"));
        String text = jdbc.sql("select text from channels_sms_outbox where mobile_index = :m order by id desc limit 1")
                .param("m", vault.index(mobile)).query(String.class).single();
        Matcher code = Pattern.compile("([0-9]{6})").matcher(text);
        assertThat(code.find()).isTrue();
        browser.waitVisible("#code").sendKeys(code.group(1));
        new Select(browser.find("#subject")).selectByVisibleText("禹州市政务服务中心");
        browser.find("label[for='level-VERY_SATISFIED']").click();
        browser.find("#comment").sendKeys("周末延时服务很方便");
        browser.screenshot("phone-comment-form");
        browser.clickAndWaitForPage(browser.find("#submit-comment"));
        assertThat(browser.waitVisible("#comment-thanks").getText()).contains("禹州市政务服务中心", "非常满意");
        assertThat(jdbc.sql("select count(*) from evaluation_subject_rating where comment = '周末延时服务很方便'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
