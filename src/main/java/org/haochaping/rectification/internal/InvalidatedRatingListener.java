package org.haochaping.rectification.internal;

import org.haochaping.evaluation.EvaluationInvalidated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A rating declared invalid anywhere (malicious, appeal upheld, fraud confirmed on integrity review) closes its work
 * order as INVALID; an order already closed stays as it is, so a repeated delivery changes nothing.
 */
@Component
class InvalidatedRatingListener {

    private final WorkOrderService workOrders;

    InvalidatedRatingListener(WorkOrderService workOrders) {
        this.workOrders = workOrders;
    }

    @ApplicationModuleListener
    void on(EvaluationInvalidated invalidated) {
        workOrders.closeBecauseInvalid(invalidated.evaluationId(),
                "评价被认定无效（" + invalidated.reason().label() + "）" + (invalidated.note() == null ? ""
                        : "：" + invalidated.note()), invalidated.decidedBy());
    }
}
