package org.haochaping.rectification;

import java.time.Clock;

import org.haochaping.evaluation.EvaluationSubmitted;
import org.haochaping.system.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Opens the work order of a bad rating; a repeated delivery opens nothing new. */
@Component
class BadRatingListener {

    private final WorkOrders workOrders;
    private final BadReviewPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BadRatingListener(WorkOrders workOrders, BadReviewPolicy policy, ApplicationEventPublisher events, Clock clock) {
        this.workOrders = workOrders;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EvaluationSubmitted rating) {
        if (!policy.opensWorkOrder(rating) || workOrders.existsFor(rating.evaluationId())) {
            return;
        }
        String id;
        try {
            id = workOrders.open(rating, Zones.now(clock));
        } catch (DuplicateKeyException deliveredTwice) {
            return;
        }
        events.publishEvent(new WorkOrderOpened(id, rating.evaluationId(), rating.caseNo(), rating.regionCode(),
                rating.departmentCode(), rating.submittedAt()));
    }
}
