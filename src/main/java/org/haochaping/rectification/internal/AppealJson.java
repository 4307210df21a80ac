package org.haochaping.rectification.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.haochaping.evaluation.Level;

/**
 * An appeal as a staff member sees it; the rated staff member gets no case number and no time of day (domain §8).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppealJson(String id, String evaluationId, String workOrderId, String caseNo, Level level,
        String levelLabel, String itemCode, String itemName, String departmentCode, String departmentName,
        String staffNo, OffsetDateTime ratedAt, LocalDate ratedOn, String appellant, String appellantRole,
        String reason, String evidence, AppealStatus status, String statusLabel, OffsetDateTime submittedAt,
        String decidedBy, OffsetDateTime decidedAt, String decisionNote, boolean decidable) {
}
