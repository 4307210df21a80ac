package org.haochaping.rectification.internal;

import java.time.Duration;

import org.haochaping.system.Job;
import org.springframework.stereotype.Component;

/**
 * The overdue check of 第十条: flags work orders whose deadline has passed unfinished and notifies their department
 * and the supervision office in the console. Idempotent: an order is flagged once per deadline.
 */
@Component
class OverdueWorkOrdersJob implements Job {

    private final WorkOrderService workOrders;
    private final RectificationSettings settings;

    OverdueWorkOrdersJob(WorkOrderService workOrders, RectificationSettings settings) {
        this.workOrders = workOrders;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "overdue-work-orders";
    }

    @Override
    public Duration interval() {
        return settings.overdueCheckInterval();
    }

    @Override
    public String run() {
        return workOrders.flagOverdue() + " work orders newly flagged overdue";
    }
}
