package org.haochaping.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haochaping.identity.PersonalDataVault;
import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SMS: an invitation after completion (delayed, sent once, cancelled if rated first) stating the reply mapping and a
 * link; a reply of a digit 1–5 rates the newest invited unrated case (channel SMS); anything else gets help.
 */
class SmsTest extends IntegrationTest {

    static final String GATEWAY = "demo-sms-gateway";
    static final String GATEWAY_SECRET = "demo-sms-secret-2026";

    @Autowired
    PersonalDataVault vault;

    private String caseFor(String mobile) {
        String caseNo = Cases.newCaseNo();
        Map<String, Object> body = Cases.completedAtCityHall();
        body.put("applicant", Map.of("type", "PERSON", "name", "孙七", "idType", "ID_CARD",
                "idNumber", "411002199304044444", "mobile", mobile));
        assertThat(api.putCase(caseNo, body).status()).isEqualTo(201);
        return caseNo;
    }

    private void awaitInvitation(String caseNo) {
        Await.until("the SMS invitation of " + caseNo + " is scheduled", () -> status(caseNo) != null);
    }

    private String status(String caseNo) {
        return jdbc.sql("select status from channels_sms_invitation where case_no = :c").param("c", caseNo)
                .query(String.class).optional().orElse(null);
    }

    private void runJob() {
        TestApi.Answer run = api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/sms-invitations/run", null);
        assertThat(run.status()).isEqualTo(200);
    }

    private List<String> outbox(String mobile, String purpose) {
        return jdbc.sql("""
                select text from channels_sms_outbox where mobile_index = :m and purpose = :p order by id
                """).param("m", vault.index(mobile)).param("p", purpose).query(String.class).list();
    }

    private TestApi.Answer reply(String mobile, String text, OffsetDateTime receivedAt) {
        return api.signed("POST", "/api/v1/sms/inbound", TestApi.json(Map.of("mobile", mobile, "text", text,
                "receivedAt", receivedAt.toString())), GATEWAY, GATEWAY_SECRET);
    }

    private String invited(String mobile) {
        String caseNo = caseFor(mobile);
        awaitInvitation(caseNo);
        clock.advance(Duration.ofMinutes(11));
        runJob();
        assertThat(status(caseNo)).isEqualTo("SENT");
        return caseNo;
    }

    private Map<String, Object> rating(String caseNo) {
        return jdbc.sql("select channel, level from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query().singleRow();
    }

    private long ratings(String caseNo) {
        return jdbc.sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Long.class).single();
    }

    @Test
    void invitationGoesOutOnceAfterTheDelayWithTheReplyMappingAndALink() {
        String mobile = WindowQrTest.newMobile();
        String caseNo = caseFor(mobile);
        awaitInvitation(caseNo);
        runJob();
        assertThat(outbox(mobile, "INVITATION")).as("not before the delay").isEmpty();
        clock.advance(Duration.ofMinutes(11));
        runJob();
        runJob();
        List<String> sent = outbox(mobile, "INVITATION");
        assertThat(sent).as("sent once").hasSize(1);
        assertThat(sent.get(0)).contains("企业设立登记", caseNo,
                "回复 1 非常满意，2 满意，3 基本满意，4 不满意，5 非常不满意", baseUrl() + "/e/");
        String sealed = jdbc.sql("select mobile from channels_sms_outbox where mobile_index = :m limit 1")
                .param("m", vault.index(mobile)).query(String.class).single();
        assertThat(sealed).as("the outbox keeps the mobile sealed").doesNotContain(mobile);

        Matcher link = Pattern.compile("/e/([A-Za-z0-9_-]{44})").matcher(sent.get(0));
        assertThat(link.find()).isTrue();
        TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token", link.group(1),
                "level", "VERY_SATISFIED")));
        assertThat(rated.status()).isEqualTo(201);
        assertThat(rated.text("channel")).isEqualTo("SMS");
    }

    @Test
    void replyDigitRatesTheNewestInvitedUnratedCase() {
        String mobile = WindowQrTest.newMobile();
        String older = invited(mobile);
        String newer = invited(mobile);

        TestApi.Answer first = reply(mobile, " 2 ", Zones.now(clock));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("outcome")).isEqualTo("RATED");
        assertThat(first.text("caseNo")).isEqualTo(newer);
        assertThat(rating(newer)).containsEntry("channel", "SMS").containsEntry("level", "SATISFIED");
        assertThat(ratings(older)).isZero();
        assertThat(outbox(mobile, "REPLY_THANKS")).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        TestApi.Answer second = reply(mobile, "４", Zones.now(clock));
        assertThat(second.text("caseNo")).as("full-width digits count").isEqualTo(older);
        assertThat(rating(older)).containsEntry("level", "DISSATISFIED");

        clock.advance(Duration.ofMinutes(1));
        TestApi.Answer third = reply(mobile, "1", Zones.now(clock));
        assertThat(third.text("outcome")).isEqualTo("NO_CASE");
        assertThat(outbox(mobile, "REPLY_HELP")).hasSize(1);
    }

    @Test
    void unrecognisedReplyGetsHelpAndStoresNothing() {
        String mobile = WindowQrTest.newMobile();
        String caseNo = invited(mobile);
        for (String text : List.of("好的谢谢", "6", "12", "")) {
            TestApi.Answer answer = reply(mobile, text, Zones.now(clock));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text("outcome")).isEqualTo("UNRECOGNIZED");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(ratings(caseNo)).isZero();
        assertThat(jdbc.sql("select count(*) from channels_sms_reply where case_no = :c").param("c", caseNo)
                .query(Long.class).single()).isZero();
        List<String> help = outbox(mobile, "REPLY_HELP");
        assertThat(help).hasSize(4);
        assertThat(help.get(0)).contains("未能识别您的回复", "回复 1 非常满意，2 满意，3 基本满意，4 不满意，5 非常不满意");
        assertThat(reply(mobile, "非常满意", Zones.now(clock)).text("outcome")).as("the level's name counts too")
                .isEqualTo("RATED");
    }

    @Test
    void theSameReplyDeliveredTwiceRatesOnce() {
        String mobile = WindowQrTest.newMobile();
        String older = invited(mobile);
        String newer = invited(mobile);
        OffsetDateTime at = Zones.now(clock);
        assertThat(reply(mobile, "3", at).text("caseNo")).isEqualTo(newer);
        TestApi.Answer again = reply(mobile, "3", at);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("outcome")).isEqualTo("RATED");
        assertThat(again.text("caseNo")).isEqualTo(newer);
        assertThat(ratings(older)).as("the duplicate does not rate the older case").isZero();
    }

    @Test
    void invitationIsCancelledWhenTheCaseIsRatedFirst() {
        String mobile = WindowQrTest.newMobile();
        String caseNo = caseFor(mobile);
        awaitInvitation(caseNo);
        api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "MOBILE",
                "level", "SATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET);
        Await.until("the invitation is cancelled", () -> "CANCELLED".equals(status(caseNo)));
        clock.advance(Duration.ofMinutes(11));
        runJob();
        assertThat(outbox(mobile, "INVITATION")).isEmpty();
    }

    @Test
    void aCaseWithoutMobileGetsNoInvitation() {
        String caseNo = Cases.newCaseNo();
        Map<String, Object> body = Cases.completedAtCityHall();
        body.put("applicant", Map.of("type", "PERSON", "name", "周八", "idType", "ID_CARD",
                "idNumber", "411002199505055555"));
        api.putCase(caseNo, body);
        Await.until("the SMS listener has handled the completion", () -> jdbc.sql("""
                select count(*) from event_publication
                where listener_id like '%SmsInvitationListener%' and serialized_event like :c and completion_date is not null
                """).param("c", "%" + caseNo + "%").query(Long.class).single() == 1);
        assertThat(status(caseNo)).isNull();
    }

    @Test
    void onlyTheSmsGatewayForwardsRepliesAndBadInputIsRefused() {
        String mobile = WindowQrTest.newMobile();
        String body = TestApi.json(Map.of("mobile", mobile, "text", "1", "receivedAt", Zones.now(clock).toString()));
        assertThat(api.business("POST", "/api/v1/sms/inbound", Map.of("mobile", mobile, "text", "1",
                "receivedAt", Zones.now(clock).toString())).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/sms/inbound", body).status()).isEqualTo(401);
        assertThat(reply("12345", "1", Zones.now(clock)).status()).isEqualTo(400);
        assertThat(reply(mobile, "1", Zones.now(clock).plusHours(1)).status()).isEqualTo(400);
        Map<String, Object> noTime = new HashMap<>(Map.of("mobile", mobile, "text", "1"));
        assertThat(api.signed("POST", "/api/v1/sms/inbound", TestApi.json(noTime), GATEWAY, GATEWAY_SECRET).status())
                .isEqualTo(400);
        assertThat(reply("+86" + mobile, "1", Zones.now(clock)).text("outcome")).as("+86 numbers are understood")
                .isEqualTo("NO_CASE");
    }
}
