package org.haochaping.rectification;

import java.time.OffsetDateTime;

import org.haochaping.evaluation.Level;

/** The evaluator rated the response to their bad rating once more (追评, assessNumber 2). */
public record FollowUpRated(String evaluationId, String workOrderId, String caseNo, String regionCode,
        String departmentCode, Level level, String comment, OffsetDateTime submittedAt) {
}
