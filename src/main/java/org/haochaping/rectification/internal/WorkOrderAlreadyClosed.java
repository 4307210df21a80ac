package org.haochaping.rectification.internal;

import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;

/** A closed work order takes no further step (409). */
public class WorkOrderAlreadyClosed extends DomainProblem {

    WorkOrderAlreadyClosed(String step, WorkOrderOutcome outcome) {
        super(HttpStatus.CONFLICT, "工单已办结",
                "该工单已办结（" + (outcome == null ? "已办结" : outcome.label()) + "），不能再" + step + "。");
    }
}
