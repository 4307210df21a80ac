package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.haochaping.browser.Browser;
import org.haochaping.support.Cases;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** The supervision office works the review queue in a browser: sees the signals, releases a held rating. */
@Tag("browser")
class QuarantineBrowserTest extends IntegrityTest {

    @RegisterExtension
    static final Browser browser = Browser.desktop();

    @Test
    void supervisorReleasesAHeldRatingWithANote() {
        String id = rateWithToken(Cases.newCaseNo(), cityHall(person(null), 30),
                Map.of("level", "VERY_DISSATISFIED", "comment", "什么玩意，一群废物"));
        awaitHeld(id);

        browser.open(baseUrl() + "/login");
        browser.waitVisible("#username").sendKeys("supervisor");
        browser.find("#password").sendKeys(TestApi.PASSWORD);
        browser.clickAndWaitForPage(browser.find("#login-submit"));
        // the queue lists the longest-held first, 20 a page: other tests' held ratings may come before this one
        for (int page = 0; page < 100; page++) {
            browser.open(baseUrl() + "/console/integrity/quarantine?page=" + page);
            browser.waitVisible("#held-total");
            if (!browser.findAll("#held-" + id).isEmpty()) {
                break;
            }
        }
        WebElement held = browser.waitVisible("#held-" + id);
        assertThat(held.getText()).contains("什么玩意");
        browser.screenshot("desktop-integrity-quarantine");

        held.findElement(org.openqa.selenium.By.name("note")).sendKeys("已电话回访，评价人确认本人评价，言辞激烈但反映属实");
        browser.clickAndWaitForPage(held.findElement(org.openqa.selenium.By.cssSelector("button.release")));
        assertThat(browser.waitVisible("#flash-message").getText()).isNotBlank();
        assertThat(jdbc.sql("select quarantined from evaluation_evaluation where id = :id").param("id", id)
                .query(Boolean.class).single()).isFalse();
    }
}
