package org.haochaping.rectification;

import java.time.OffsetDateTime;

import org.haochaping.evaluation.Level;

/**
 * What another module may know of a work order: where the bad rating falls (region, department, hall, staff, item),
 * how far the loop has come and what was found and done. Never the evaluator.
 */
public record WorkOrderFacts(String id, String evaluationId, String caseNo, Level level, String regionCode,
        String departmentCode, String serviceBodyCode, String staffNo, String itemCode, WorkOrderStatus status,
        WorkOrderOutcome outcome, Verdict verdict, RootCause rootCause, String measures, OffsetDateTime ratedAt,
        OffsetDateTime closedAt, boolean overdue) {
}
