package org.haochaping.exchange;

import org.haochaping.rectification.WorkOrderClosed;
import org.haochaping.rectification.WorkOrderRectified;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues each rectification result for the upward push (第十条: rectification results go up to the provincial
 * platform): a finished rectification with its measures, root cause and time, and the closing of the work order with
 * its outcome. Idempotent: the same event queues the same record once.
 */
@Component
class RectificationListener {

    private final UpwardQueue queue;

    RectificationListener(UpwardQueue queue) {
        this.queue = queue;
    }

    @ApplicationModuleListener
    void on(WorkOrderRectified rectified) {
        queue.rectification(new RectificationRecord(rectified.caseNo(), "1", RectificationRecord.RECTIFIED,
                rectified.rootCause().name(), rectified.measures(), ExchangeRecord.format(rectified.rectifiedAt()),
                rectified.onTime() ? "1" : "0", null, null, null, null, null), rectified.regionCode(),
                rectified.departmentCode(), rectified.evaluationId());
    }

    @ApplicationModuleListener
    void on(WorkOrderClosed closed) {
        queue.rectification(new RectificationRecord(closed.caseNo(), "1", RectificationRecord.CLOSED, null, null, null,
                null, closed.outcome().name(), ExchangeRecord.format(closed.closedAt()), null, null, null),
                closed.regionCode(), closed.departmentCode(), closed.evaluationId());
    }
}
