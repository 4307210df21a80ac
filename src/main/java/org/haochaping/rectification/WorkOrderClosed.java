package org.haochaping.rectification;

import java.time.OffsetDateTime;

/** A work order reached its end: resolved, found unfounded, or closed because the rating became invalid. */
public record WorkOrderClosed(String workOrderId, String evaluationId, String caseNo, String regionCode,
        String departmentCode, WorkOrderOutcome outcome, OffsetDateTime closedAt) {
}
