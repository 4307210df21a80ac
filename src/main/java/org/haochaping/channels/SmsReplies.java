package org.haochaping.channels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.evaluation.SubmitEvaluation;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies to SMS invitations: a digit 1–5 rates the newest case this mobile was invited to rate and has not rated
 * (channel {@code SMS}); anything else gets a reply explaining what to send, and nothing is stored. The same reply
 * delivered twice by the gateway rates nothing more.
 */
@Service
class SmsReplies {

    enum Outcome {
        RATED, UNRECOGNIZED, NO_CASE
    }

    record Result(Outcome outcome, String caseNo, String evaluationId, Level level, String reply) {
    }

    private final JdbcClient jdbc;
    private final SmsInvitations invitations;
    private final EvaluationManagement evaluations;
    private final CaseManagement cases;
    private final PersonalDataVault vault;
    private final SmsGateway sms;
    private final Clock clock;

    SmsReplies(JdbcClient jdbc, SmsInvitations invitations, EvaluationManagement evaluations, CaseManagement cases,
            PersonalDataVault vault, SmsGateway sms, Clock clock) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.evaluations = evaluations;
        this.cases = cases;
        this.vault = vault;
        this.sms = sms;
        this.clock = clock;
    }

    @Transactional
    Result receive(String mobile, String text, OffsetDateTime receivedAt) {
        String mobileIndex = vault.index(mobile);
        OffsetDateTime at = Zones.inShanghai(receivedAt).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Optional<Result> earlier = jdbc.sql("""
                select r.case_no, r.evaluation_id from channels_sms_reply r
                where r.mobile_index = :m and r.received_at = :at
                """).param("m", mobileIndex).param("at", at)
                .query((rs, n) -> new Result(Outcome.RATED, rs.getString(1), rs.getString(2),
                        evaluations.find(rs.getString(2)).map(EvaluationView::level).orElse(null), null))
                .optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<Level> level = SmsReplyPolicy.read(text);
        if (level.isEmpty()) {
            return answer(mobile, Outcome.UNRECOGNIZED, null, "未能识别您的回复。如需评价最近办理的政务服务，请"
                    + SmsReplyPolicy.MAPPING + "（只回复一个数字）。");
        }
        Optional<CaseView> invited = invitations.invitedBefore(mobileIndex, at).stream()
                .filter(caseNo -> !evaluations.isRated(caseNo))
                .findFirst()
                .flatMap(cases::find);
        if (invited.isEmpty()) {
            return answer(mobile, Outcome.NO_CASE, null, "您目前没有待评价的办件，感谢您对政务服务的关注。");
        }
        CaseView c = invited.get();
        OffsetDateTime now = Zones.now(clock);
        EvaluationView stored = evaluations.submit(new SubmitEvaluation(c.caseNo(), Channel.SMS, level.get(), null,
                null, null, null, false, false, at.isAfter(now) ? now : at));
        jdbc.sql("""
                insert into channels_sms_reply (mobile_index, received_at, text, case_no, evaluation_id)
                values (:m, :at, :text, :caseNo, :id)
                """).param("m", mobileIndex).param("at", at).param("text", text.strip())
                .param("caseNo", c.caseNo()).param("id", stored.id()).update();
        String thanks = "感谢您对“" + c.itemName() + "”的评价（" + level.get().label() + "）。"
                + (level.get().isBad() ? "我们将核实您反映的问题，并在 15 日内反馈整改情况。" : "我们将继续努力提供更好的服务。");
        Result rated = answer(mobile, Outcome.RATED, c, thanks);
        return new Result(Outcome.RATED, c.caseNo(), stored.id(), level.get(), rated.reply());
    }

    private Result answer(String mobile, Outcome outcome, CaseView c, String text) {
        SmsMessage.Purpose purpose = outcome == Outcome.RATED ? SmsMessage.Purpose.REPLY_THANKS
                : SmsMessage.Purpose.REPLY_HELP;
        try {
            sms.send(new SmsMessage(mobile, purpose, text, Map.of(), c == null ? null : c.regionCode()));
        } catch (SmsNotSent e) {
            // the answer is a courtesy: the rating (or the refusal) stands without it
        }
        return new Result(outcome, c == null ? null : c.caseNo(), null, null, text);
    }
}
