package org.haochaping.rectification;

import java.time.OffsetDateTime;

/** A bad rating became a work order for the responsible department (谁办理、谁负责). */
public record WorkOrderOpened(String workOrderId, String evaluationId, String caseNo, String regionCode,
        String departmentCode, OffsetDateTime ratedAt) {
}
