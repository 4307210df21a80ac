package org.haochaping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.haochaping.identity.PersonalDataVault;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 第十条: feedback chosen as SMS reaches the evaluator's mobile through the SMS gateway, with the follow-up link. */
class FeedbackSmsTest extends IntegrationTest {

    @Autowired
    PersonalDataVault vault;

    BadReviews bad;

    @BeforeEach
    void setUp() {
        bad = new BadReviews(api, jdbc);
    }

    @Test
    void smsFeedbackIsSentOnceWithItsFollowUpLink() {
        BadReviews.Rated rated = bad.answered(bad.rate(Cases.completedAtCityHall(), "DISSATISFIED"));
        assertThat(outboxStatus(rated)).isEqualTo("PENDING");

        assertThat(api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/feedback-sms/run", null).status()).isEqualTo(200);
        assertThat(api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/feedback-sms/run", null).status()).isEqualTo(200);

        assertThat(outboxStatus(rated)).isEqualTo("SENT");
        List<String> texts = jdbc.sql("select text from channels_sms_outbox where purpose = 'FEEDBACK' and mobile_index = :m and text like :t")
                .param("m", vault.index("13812345678")).param("t", "%已为您开通材料预审%").query(String.class).list().stream()
                .filter(t -> t.contains(rated.caseNo()) && t.contains(baseUrl() + "/f/")).toList();
        assertThat(texts).hasSize(1);
    }

    private String outboxStatus(BadReviews.Rated rated) {
        return jdbc.sql("select status from rectification_outbox where work_order_id = :id and channel = 'SMS'")
                .param("id", rated.workOrderId()).query(String.class).single();
    }
}
