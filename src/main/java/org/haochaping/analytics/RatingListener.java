package org.haochaping.analytics;

import org.haochaping.evaluation.EvaluationDefaulted;
import org.haochaping.evaluation.EvaluationInvalidated;
import org.haochaping.evaluation.EvaluationQuarantineChanged;
import org.haochaping.evaluation.EvaluationSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the rollups current as ratings arrive, default, become invalid or go in and out of quarantine. */
@Component
class RatingListener {

    private final RatingFacts facts;

    RatingListener(RatingFacts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(EvaluationSubmitted submitted) {
        facts.refresh(submitted.evaluationId());
    }

    @ApplicationModuleListener
    void on(EvaluationDefaulted defaulted) {
        facts.refresh(defaulted.evaluationId());
    }

    @ApplicationModuleListener
    void on(EvaluationInvalidated invalidated) {
        facts.refresh(invalidated.evaluationId());
    }

    @ApplicationModuleListener
    void on(EvaluationQuarantineChanged changed) {
        facts.refresh(changed.evaluationId());
    }
}
