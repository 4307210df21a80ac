package org.haochaping.integrity;

import org.haochaping.evaluation.EvaluationDefaulted;
import org.haochaping.evaluation.EvaluationInvalidated;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationQuarantineChanged;
import org.haochaping.evaluation.EvaluationSubmitted;
import org.haochaping.evaluation.EvaluationView;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Enters every rating and every later fact about it into the ledger. Unlike the other listeners it runs inside the
 * publishing transaction, on purpose: a rating, an invalidation or a quarantine change commits together with its
 * ledger entry or not at all, so the ledger never lags behind the ratings and any difference is tampering.
 */
@Component
class LedgerListener {

    private final RatingLedger ledger;
    private final EvaluationManagement evaluations;

    LedgerListener(RatingLedger ledger, EvaluationManagement evaluations) {
        this.ledger = ledger;
        this.evaluations = evaluations;
    }

    @EventListener
    void on(EvaluationSubmitted submitted) {
        ledger.append(rating(submitted.evaluationId()), RatingLedger.Kind.SUBMITTED, "");
    }

    @EventListener
    void on(EvaluationDefaulted defaulted) {
        ledger.append(rating(defaulted.evaluationId()), RatingLedger.Kind.DEFAULTED, "第九条 7 日未评价，默认基本满意");
    }

    @EventListener
    void on(EvaluationInvalidated invalidated) {
        ledger.append(rating(invalidated.evaluationId()), RatingLedger.Kind.INVALIDATED,
                "reason=" + invalidated.reason().name() + ";by=" + invalidated.decidedBy() + ";note="
                        + (invalidated.note() == null ? "" : invalidated.note()));
    }

    @EventListener
    void on(EvaluationQuarantineChanged changed) {
        ledger.append(rating(changed.evaluationId()),
                changed.held() ? RatingLedger.Kind.QUARANTINED : RatingLedger.Kind.RELEASED,
                changed.note() == null ? "" : changed.note());
    }

    private EvaluationView rating(String id) {
        return evaluations.find(id).orElseThrow(() -> new IllegalStateException("rating " + id + " not found"));
    }
}
