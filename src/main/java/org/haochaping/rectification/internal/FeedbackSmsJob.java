package org.haochaping.rectification.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.haochaping.channels.SmsGateway;
import org.haochaping.channels.SmsMessage;
import org.haochaping.channels.SmsNotSent;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends the evaluator's SMS feedback and explanations (第十条) through the SMS gateway: each pending message once,
 * with its follow-up link; while the gateway is down the message waits and is tried again on the next run.
 */
@Component
class FeedbackSmsJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(FeedbackSmsJob.class);

    private record Pending(String id, String evaluationId, String body, String tokenId) {
    }

    private final JdbcClient jdbc;
    private final EvaluationManagement evaluations;
    private final PersonalDataVault vault;
    private final SmsGateway sms;
    private final WorkOrderService workOrders;
    private final Clock clock;

    FeedbackSmsJob(JdbcClient jdbc, EvaluationManagement evaluations, PersonalDataVault vault, SmsGateway sms,
            WorkOrderService workOrders, Clock clock) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.vault = vault;
        this.sms = sms;
        this.workOrders = workOrders;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "feedback-sms";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public String run() {
        List<Pending> pending = jdbc.sql("""
                select id, evaluation_id, body, token_id from rectification_outbox
                where channel = 'SMS' and status = 'PENDING' order by created_at limit 200
                """).query((rs, n) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        int sent = 0;
        int failed = 0;
        for (Pending message : pending) {
            EvaluationView rating = evaluations.find(message.evaluationId()).orElse(null);
            String sealedMobile = rating == null || rating.evaluator() == null ? null : rating.evaluator().mobile();
            if (sealedMobile == null) {
                mark(message.id(), "FAILED");
                failed++;
                continue;
            }
            String text = workOrders.fullText(new Outbox.Message(message.id(), null, null, message.body(),
                    message.tokenId(), "PENDING", null, null));
            try {
                sms.send(new SmsMessage(vault.unseal(sealedMobile), SmsMessage.Purpose.FEEDBACK, text,
                        Map.of("caseNo", rating.caseNo()), rating.regionCode()));
                mark(message.id(), "SENT");
                sent++;
            } catch (SmsNotSent down) {
                log.warn("Feedback SMS {} not sent, will try again: {}", message.id(), down.getMessage());
            }
        }
        return sent + " feedback SMS sent, " + failed + " without a mobile, " + (pending.size() - sent - failed) + " waiting";
    }

    private void mark(String id, String status) {
        jdbc.sql("update rectification_outbox set status = :s, sent_at = :t where id = :id and status = 'PENDING'")
                .param("s", status).param("t", Zones.now(clock)).param("id", id).update();
    }
}
