package org.haochaping.channels;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.haochaping.casework.CaseCompleted;
import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.system.Zones;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Schedules the SMS invitation of a completed case whose applicant left a mobile: due a little after completion
 * (the person may rate at the window first), given up when the case can no longer be rated by a person (the 7-day
 * default of 第九条). A case another platform owns is never invited here: its owner invites (domain §8, one
 * handler). Idempotent: the event registry may deliver the event again.
 */
@Component
class SmsInvitationListener {

    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final SmsInvitations invitations;
    private final ChannelSettings settings;
    private final Clock clock;

    SmsInvitationListener(CaseManagement cases, EvaluationManagement evaluations, SmsInvitations invitations,
            ChannelSettings settings, Clock clock) {
        this.cases = cases;
        this.evaluations = evaluations;
        this.invitations = invitations;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CaseCompleted completed) {
        if (!completed.ownedHere()) {
            return;
        }
        CaseView c = cases.find(completed.caseNo()).orElse(null);
        if (c == null || c.applicant() == null || c.applicant().mobileIndex() == null
                || evaluations.isRated(completed.caseNo())) {
            return;
        }
        OffsetDateTime now = Zones.now(clock);
        OffsetDateTime giveUp = (completed.generatedAt() == null ? now : completed.generatedAt())
                .plus(settings.tokenValidity());
        if (!giveUp.isAfter(now)) {
            return;
        }
        invitations.expect(c.caseNo(), c.applicant().mobileIndex(), now.plus(settings.smsInvitationDelay()), giveUp);
    }
}
