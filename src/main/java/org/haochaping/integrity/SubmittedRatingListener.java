package org.haochaping.integrity;

import org.haochaping.evaluation.EvaluationSubmitted;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Scores each rating a person gave, after it is committed, on its own thread; the event registry retries it until
 * done. Not one transaction around it all (as {@code @ApplicationModuleListener} would open): {@link RiskScoring}
 * runs its steps as separate short transactions.
 */
@Component
class SubmittedRatingListener {

    private final RiskScoring scoring;

    SubmittedRatingListener(RiskScoring scoring) {
        this.scoring = scoring;
    }

    @Async
    @TransactionalEventListener
    void on(EvaluationSubmitted submitted) {
        if (!submitted.defaulted()) {
            scoring.score(submitted.evaluationId(), submitted.origin());
        }
    }
}
