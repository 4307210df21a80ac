package org.haochaping.rectification.internal;

import org.haochaping.evaluation.EvaluationSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Opens the work order of a bad rating; a repeated delivery opens nothing new. */
@Component
class BadRatingListener {

    private final WorkOrderOpening opening;

    BadRatingListener(WorkOrderOpening opening) {
        this.opening = opening;
    }

    @ApplicationModuleListener
    void on(EvaluationSubmitted rating) {
        opening.open(new WorkOrders.Opening(rating.evaluationId(), rating.caseNo(), rating.level(),
                rating.regionCode(), rating.departmentCode(), rating.serviceBodyCode(), rating.windowCode(),
                rating.staffNo(), rating.itemCode(), rating.realName(), rating.submittedAt()), rating.defaulted());
    }
}
