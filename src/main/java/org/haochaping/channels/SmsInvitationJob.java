package org.haochaping.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the due SMS invitations, each once: with the reply mapping and a link to the rating page (channel
 * {@code SMS}). A case rated meanwhile is skipped; a gateway that is down is tried again with growing pauses until
 * it is back or the case is no longer open for rating.
 */
@Component
class SmsInvitationJob implements Job {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(SmsInvitationJob.class);

    private final SmsInvitations pending;
    private final Invitations invitations;
    private final EvaluationManagement evaluations;
    private final CaseManagement cases;
    private final CatalogManagement catalog;
    private final PersonalDataVault vault;
    private final SmsGateway sms;
    private final Links links;
    private final Clock clock;

    SmsInvitationJob(SmsInvitations pending, Invitations invitations, EvaluationManagement evaluations,
            CaseManagement cases, CatalogManagement catalog, PersonalDataVault vault, SmsGateway sms, Links links,
            Clock clock) {
        this.pending = pending;
        this.invitations = invitations;
        this.evaluations = evaluations;
        this.cases = cases;
        this.catalog = catalog;
        this.vault = vault;
        this.sms = sms;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sms-invitations";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public String run() {
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        OffsetDateTime now = Zones.now(clock);
        List<SmsInvitations.Due> due;
        do {
            due = pending.due(now, BATCH);
            for (SmsInvitations.Due d : due) {
                if (!pending.claim(d.caseNo(), now, now.plusMinutes(5))) {
                    continue;
                }
                try {
                    if (send(d, now)) {
                        sent++;
                    } else {
                        skipped++;
                    }
                } catch (RuntimeException e) { // SmsNotSent, or anything else: the invitation stays due
                    failed++;
                    long pause = Math.min(60, 1L << Math.min(d.attempts(), 6));
                    pending.failed(d.caseNo(), String.valueOf(e.getMessage()), now.plusMinutes(pause));
                    log.warn("SMS invitation of case {} not sent (attempt {}): {}", d.caseNo(), d.attempts() + 1,
                            e.getMessage());
                }
            }
        } while (due.size() == BATCH);
        return sent + " SMS invitations sent, " + skipped + " no longer needed, " + failed + " to retry";
    }

    private boolean send(SmsInvitations.Due d, OffsetDateTime now) {
        if (evaluations.isRated(d.caseNo())) {
            pending.cancel(d.caseNo());
            return false;
        }
        CaseView c = cases.find(d.caseNo()).orElse(null);
        if (c == null || c.applicant() == null || c.applicant().mobile() == null || !d.giveUpAt().isAfter(now)) {
            pending.expired(d.caseNo());
            return false;
        }
        String token = invitations.live(c.caseNo(), Channel.SMS)
                .orElseGet(() -> invitations.issue(c.caseNo(), Channel.SMS)).token();
        String link = links.ratingPage(token);
        String where = c.serviceBodyCode() == null ? catalog.department(c.departmentCode())
                .map(CatalogManagement.Department::name).orElse("")
                : catalog.serviceBody(c.serviceBodyCode()).map(CatalogManagement.ServiceBody::name).orElse("");
        String text = "您在" + where + "办理的“" + c.itemName() + "”（办件号 " + c.caseNo() + "）已办结，诚邀您评价："
                + SmsReplyPolicy.MAPPING + "；也可打开 " + link + " 详细评价。";
        sms.send(new SmsMessage(vault.unseal(c.applicant().mobile()), SmsMessage.Purpose.INVITATION, text,
                Map.of("item", c.itemName(), "caseNo", c.caseNo(), "link", link), c.regionCode()));
        pending.sent(c.caseNo(), now);
        return true;
    }
}
