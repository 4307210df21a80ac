package org.haochaping.rectification.internal;

import java.time.Clock;
import java.util.Optional;

import org.haochaping.casework.CaseManagement;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.rectification.WorkOrderOpened;
import org.haochaping.system.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a bad rating into its one work order (谁办理、谁负责), once, however often it is asked. A rating of a case
 * that another platform owns opens none here: the owner handles it.
 */
@Service
public class WorkOrderOpening {

    private final WorkOrders workOrders;
    private final BadReviewPolicy policy;
    private final EvaluationManagement evaluations;
    private final CaseManagement cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    WorkOrderOpening(WorkOrders workOrders, BadReviewPolicy policy, EvaluationManagement evaluations,
            CaseManagement cases, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.workOrders = workOrders;
        this.policy = policy;
        this.evaluations = evaluations;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Opens the order of a stored rating now, unless it has one or is no bad rating; answers the order's id. */
    @Transactional
    public Optional<String> openFor(String evaluationId) {
        EvaluationView e = evaluations.find(evaluationId).orElse(null);
        if (e == null) {
            return Optional.empty();
        }
        open(new WorkOrders.Opening(e.id(), e.caseNo(), e.level(), e.regionCode(), e.departmentCode(),
                e.serviceBodyCode(), e.windowCode(), e.staffNo(), e.itemCode(),
                e.evaluator() != null && e.evaluator().realName(), e.submittedAt()), e.defaulted());
        return workOrders.findByEvaluation(evaluationId).map(WorkOrder::id);
    }

    void open(WorkOrders.Opening rating, boolean defaulted) {
        if (!policy.opensWorkOrder(rating.level(), defaulted) || workOrders.existsFor(rating.evaluationId())) {
            return;
        }
        if (cases.find(rating.caseNo()).map(c -> !c.ownedHere()).orElse(false)) {
            // the platform that owns the case opens the order (domain §8, one handler; plan 三(二))
            return;
        }
        String id;
        try {
            // in a savepoint: when the listener and a direct call open the same order at once, the loser's
            // transaction stays usable (PostgreSQL aborts a transaction on a failed statement)
            id = savepoint.execute(status -> workOrders.open(rating, Zones.now(clock)));
        } catch (DuplicateKeyException deliveredTwice) {
            return;
        }
        events.publishEvent(new WorkOrderOpened(id, rating.evaluationId(), rating.caseNo(), rating.regionCode(),
                rating.departmentCode(), rating.ratedAt()));
    }
}
