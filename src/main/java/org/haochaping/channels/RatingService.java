package org.haochaping.channels;

import java.time.OffsetDateTime;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.RatingOrigin;
import org.haochaping.evaluation.SubmitEvaluation;
import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what a channel received into a stored rating: with a token, the token is used up in the same transaction
 * (a refused rating leaves it usable); a trusted platform rates by case number within its scope; a phone call-back
 * and an SMS reply rate a case their caller has already checked.
 */
@Service
class RatingService {

    private final Invitations invitations;
    private final EvaluationManagement evaluations;
    private final CaseManagement cases;
    private final OwnCaseRatingPolicy ownCase;
    private final ClientAddresses addresses;
    private final PersonalDataVault vault;

    RatingService(Invitations invitations, EvaluationManagement evaluations, CaseManagement cases,
            OwnCaseRatingPolicy ownCase, ClientAddresses addresses, PersonalDataVault vault) {
        this.invitations = invitations;
        this.evaluations = evaluations;
        this.cases = cases;
        this.ownCase = ownCase;
        this.addresses = addresses;
        this.vault = vault;
    }

    @Transactional
    EvaluationView rateWithToken(String token, RatingInput input) {
        Invitations.Ticket ticket = invitations.open(token);
        cases.find(ticket.caseNo()).ifPresent(ownCase::check);
        invitations.consume(ticket.tokenId());
        return evaluations.submit(new SubmitEvaluation(ticket.caseNo(), ticket.channel(), input.level(),
                input.dimensions(), input.reasons(), input.comment(), null, input.contact(), input.share(), null,
                origin(ticket.deviceCode())));
    }

    /**
     * What the integrity signals may know of the person's client: the keyed index of its address (the address itself
     * is personal data and never stored), and the terminal or tablet the token was issued for. A trusted platform's
     * ratings have no origin: the platform's server is not the person's client.
     */
    private RatingOrigin origin(String deviceCode) {
        ClientAddresses.Client client = addresses.current();
        String key = client != null && client.attributed() ? vault.index("ip:" + client.address()) : null;
        return new RatingOrigin(key, deviceCode);
    }

    @Transactional
    EvaluationView rateAsPlatform(ApiClientPrincipal platform, RatingInput input) {
        if (input.caseNo() == null || input.caseNo().isBlank()) {
            throw FieldProblem.of("caseNo", "不能为空");
        }
        if (input.channel() == null) {
            throw FieldProblem.of("channel", "不能为空");
        }
        cases.find(input.caseNo()).filter(c -> platform.mayActFor(c.regionCode()))
                .orElseThrow(() -> DomainProblem.notFound("办件不存在：" + input.caseNo()));
        return evaluations.submit(new SubmitEvaluation(input.caseNo(), input.channel(), input.level(),
                input.dimensions(), input.reasons(), input.comment(), input.evaluator(), input.contact(),
                input.share(), null));
    }

    /** A rating the evaluator gave on a call-back (电话回访), dated when the call took place. */
    @Transactional
    EvaluationView rateByPhone(CaseView c, RatingInput input, OffsetDateTime calledAt) {
        return evaluations.submit(new SubmitEvaluation(c.caseNo(), Channel.PHONE, input.level(), input.dimensions(),
                input.reasons(), input.comment(), null, input.contact(), input.share(), calledAt));
    }
}
