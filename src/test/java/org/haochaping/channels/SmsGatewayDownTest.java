package org.haochaping.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.haochaping.identity.PersonalDataVault;
import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.PageClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * An SMS invitation survives the SMS gateway being down for as long as it is down and goes out once it is back;
 * a verification code that cannot be sent is not kept. The real logging gateway stands behind a switch.
 */
class SmsGatewayDownTest extends IntegrationTest {

    /** The logging gateway behind a switch that makes it fail as an unreachable gateway would. */
    static class SwitchableGateway implements SmsGateway {

        private final SmsGateway delegate;
        volatile boolean down;

        SwitchableGateway(SmsGateway delegate) {
            this.delegate = delegate;
        }

        @Override
        public String send(SmsMessage message) {
            if (down) {
                throw new SmsNotSent("短信网关无法访问（测试）");
            }
            return delegate.send(message);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Switch {

        @Bean
        @Primary
        SwitchableGateway switchableGateway(@Qualifier("loggingSmsGateway") SmsGateway logging) {
            return new SwitchableGateway(logging);
        }
    }

    @Autowired
    SwitchableGateway gateway;

    @Autowired
    PersonalDataVault vault;

    @AfterEach
    void gatewayBack() {
        gateway.down = false;
    }

    private Map<String, Object> invitation(String caseNo) {
        return jdbc.sql("select status, attempts, last_error from channels_sms_invitation where case_no = :c")
                .param("c", caseNo).query().singleRow();
    }

    private long invitationsSentTo(String mobile) {
        return jdbc.sql("select count(*) from channels_sms_outbox where mobile_index = :m and purpose = 'INVITATION'")
                .param("m", vault.index(mobile)).query(Long.class).single();
    }

    private void runJob() {
        assertThat(api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/sms-invitations/run", null).status())
                .isEqualTo(200);
    }

    @Test
    void invitationIsRetriedUntilTheGatewayIsBackAndThenSentOnce() {
        String mobile = WindowQrTest.newMobile();
        String caseNo = Cases.newCaseNo();
        Map<String, Object> body = Cases.completedAtCityHall();
        body.put("applicant", Map.of("type", "PERSON", "name", "吴九", "idType", "ID_CARD",
                "idNumber", "411002199606066666", "mobile", mobile));
        api.putCase(caseNo, body);
        Await.until("the invitation is scheduled", () -> jdbc.sql(
                "select count(*) from channels_sms_invitation where case_no = :c").param("c", caseNo)
                .query(Long.class).single() == 1);

        gateway.down = true;
        clock.advance(Duration.ofMinutes(11));
        runJob();
        assertThat(invitation(caseNo)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) invitation(caseNo).get("last_error")).contains("无法访问");
        runJob();
        assertThat(invitation(caseNo)).as("not hammered: the next try waits").containsEntry("attempts", 1);
        clock.advance(Duration.ofMinutes(3));
        runJob();
        assertThat(invitation(caseNo)).containsEntry("status", "PENDING").containsEntry("attempts", 2);
        assertThat(invitationsSentTo(mobile)).isZero();

        gateway.down = false;
        clock.advance(Duration.ofMinutes(5));
        runJob();
        runJob();
        assertThat(invitation(caseNo)).containsEntry("status", "SENT");
        assertThat(invitationsSentTo(mobile)).isEqualTo(1);
    }

    @Test
    void aCodeThatCannotBeSentIsNotKept() {
        String mobile = WindowQrTest.newMobile();
        gateway.down = true;
        PageClient person = new PageClient(baseUrl());
        PageClient.Page refused = person.post("/w/XC-HALL-W01/code", PageClient.form("mobile", mobile));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).contains("验证码短信暂时无法发送");
        assertThat(jdbc.sql("select count(*) from channels_verification_code where mobile_index = :m")
                .param("m", vault.index(mobile)).query(Long.class).single()).isZero();
        gateway.down = false;
        assertThat(person.post("/w/XC-HALL-W01/code", PageClient.form("mobile", mobile)).status())
                .as("no rate limit from the failed try").isEqualTo(200);
    }
}
