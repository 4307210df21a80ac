package org.haochaping.channels;

import org.haochaping.evaluation.EvaluationDefaulted;
import org.haochaping.evaluation.EvaluationSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Once a case has its rating, from any channel or by default, its other invitation links stop working, its SMS
 * invitation is no longer sent and a window tablet showing it goes back to waiting.
 */
@Component
class RatedCaseListener {

    private final Invitations invitations;
    private final SmsInvitations sms;
    private final Presentations presentations;

    RatedCaseListener(Invitations invitations, SmsInvitations sms, Presentations presentations) {
        this.invitations = invitations;
        this.sms = sms;
        this.presentations = presentations;
    }

    @ApplicationModuleListener
    void on(EvaluationSubmitted rated) {
        closed(rated.caseNo());
    }

    @ApplicationModuleListener
    void on(EvaluationDefaulted defaulted) {
        closed(defaulted.caseNo());
    }

    private void closed(String caseNo) {
        invitations.revokeAll(caseNo);
        sms.cancel(caseNo);
        presentations.caseRated(caseNo);
    }
}
