package org.haochaping.channels;

import java.util.Optional;

import org.haochaping.casework.InvitationProvider;
import org.haochaping.evaluation.CaseAlreadyRated;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The receipt's QR invitation (channel {@code QR}) handed back to business systems with each completed case. */
@Service
class CaseInvitations implements InvitationProvider {

    private final Invitations invitations;
    private final EvaluationManagement evaluations;
    private final Links links;

    CaseInvitations(Invitations invitations, EvaluationManagement evaluations, Links links) {
        this.invitations = invitations;
        this.evaluations = evaluations;
        this.links = links;
    }

    @Override
    @Transactional
    public Optional<Invitation> currentFor(String caseNo) {
        if (evaluations.isRated(caseNo)) {
            return Optional.empty();
        }
        Invitations.Issued issued = invitations.live(caseNo, Channel.QR)
                .orElseGet(() -> invitations.issue(caseNo, Channel.QR));
        return Optional.of(toInvitation(issued));
    }

    @Override
    @Transactional
    public Invitation reissue(String caseNo) {
        if (evaluations.isRated(caseNo)) {
            throw new CaseAlreadyRated(caseNo);
        }
        invitations.revoke(caseNo, Channel.QR);
        return toInvitation(invitations.issue(caseNo, Channel.QR));
    }

    private Invitation toInvitation(Invitations.Issued issued) {
        return new Invitation(links.ratingPage(issued.token()), links.qrPng(issued.token()), issued.expiresAt());
    }
}
