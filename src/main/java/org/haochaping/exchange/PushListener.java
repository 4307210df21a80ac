package org.haochaping.exchange;

import org.haochaping.casework.CaseCompleted;
import org.haochaping.evaluation.EvaluationDefaulted;
import org.haochaping.evaluation.EvaluationSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues each completed case for the upward push as soon as it completes, so that the upper level can take ratings
 * for it too, and each new rating — a person's, the system default, or one given above and handled here — together
 * with its case (plan 二(三): case, rating and user data go up together). Queuing twice changes nothing.
 */
@Component
class PushListener {

    private final UpwardQueue queue;

    PushListener(UpwardQueue queue) {
        this.queue = queue;
    }

    @ApplicationModuleListener
    void on(CaseCompleted completed) {
        queue.completedCase(completed.caseNo(), completed.regionCode(), completed.departmentCode());
    }

    @ApplicationModuleListener
    void on(EvaluationSubmitted rating) {
        queue.rating(rating.evaluationId(), rating.caseNo(), rating.regionCode(), rating.departmentCode());
    }

    @ApplicationModuleListener
    void on(EvaluationDefaulted rating) {
        queue.rating(rating.evaluationId(), rating.caseNo(), rating.regionCode(), rating.departmentCode());
    }
}
