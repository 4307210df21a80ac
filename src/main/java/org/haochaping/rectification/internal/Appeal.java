package org.haochaping.rectification.internal;

import java.time.OffsetDateTime;

import org.haochaping.evaluation.Level;

/** A rated staff member's or department's appeal against a bad rating, with its decision once made. */
public record Appeal(String id, String evaluationId, String workOrderId, String caseNo, Level level, String itemCode,
        String regionCode, String departmentCode, String serviceBodyCode, String staffNo, OffsetDateTime ratedAt,
        String appellant, String appellantRole, String reason, String evidence, AppealStatus status,
        OffsetDateTime submittedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote) {
}
