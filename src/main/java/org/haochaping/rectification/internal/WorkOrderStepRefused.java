package org.haochaping.rectification.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.haochaping.rectification.WorkOrderStatus;
import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;

/** A step the work order's current state does not allow (409), naming the state the rule requires. */
public class WorkOrderStepRefused extends DomainProblem {

    WorkOrderStepRefused(String title, String detail) {
        super(HttpStatus.CONFLICT, title, detail);
    }

    static WorkOrderStepRefused notIn(String step, WorkOrderStatus current, WorkOrderStatus... required) {
        String states = Arrays.stream(required).map(s -> "「" + s.label() + "」").collect(Collectors.joining("或"));
        return new WorkOrderStepRefused("工单状态不允许" + step,
                "只有处于" + states + "状态的工单才能" + step + "，本工单当前为「" + current.label() + "」。");
    }
}
