package org.haochaping.supervision;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An appraisal deduction (plan 二(五)): points taken from a department and/or staff member for a bad rating confirmed
 * as a failure of duty, with its source work order, and whether it costs the year's award eligibility (第十四条).
 */
public record Deduction(String id, int year, String workOrderId, String caseNo, String regionCode,
        String departmentCode, String staffNo, boolean againstDepartment, boolean againstStaff, BigDecimal points,
        String reason, boolean losesEligibility, boolean active, String recordedBy, OffsetDateTime recordedAt,
        String revokedBy, OffsetDateTime revokedAt, String revokeNote) {
}
