package org.haochaping.rectification;

import java.time.OffsetDateTime;

/** A department finished rectifying a confirmed bad rating (第十条); the result goes to the evaluator and upwards. */
public record WorkOrderRectified(String workOrderId, String evaluationId, String caseNo, String regionCode,
        String departmentCode, RootCause rootCause, String measures, OffsetDateTime rectifiedAt, boolean onTime) {
}
