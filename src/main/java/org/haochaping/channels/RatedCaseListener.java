package org.haochaping.channels;

import org.haochaping.evaluation.EvaluationDefaulted;
import org.haochaping.evaluation.EvaluationSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Once a case has its rating, from any channel or by default, its other invitation links stop working. */
@Component
class RatedCaseListener {

    private final Invitations invitations;

    RatedCaseListener(Invitations invitations) {
        this.invitations = invitations;
    }

    @ApplicationModuleListener
    void on(EvaluationSubmitted rated) {
        invitations.revokeAll(rated.caseNo());
    }

    @ApplicationModuleListener
    void on(EvaluationDefaulted defaulted) {
        invitations.revokeAll(defaulted.caseNo());
    }
}
