package org.haochaping.analytics;

import java.math.BigDecimal;
import java.util.List;

import org.haochaping.identity.CurrentUser;

/**
 * Deductions from a year's appraisal (第十四条, plan 二(五)) recorded by the supervision office against a
 * department or a staff member, each from a confirmed work order. The module that keeps them implements this; the
 * appraisal workbook, which analytics writes, shows them beside the indicators.
 */
public interface AppraisalAdjustments {

    /** An active deduction against one department or staff member, with the work order it comes from. */
    record Deduction(RankingSubject subject, String subjectCode, String subjectName, String id, String workOrderId,
            String caseNo, BigDecimal points, String reason, boolean losesEligibility) {
    }

    /** The active deductions of the year against departments and staff members that the viewer may see. */
    List<Deduction> of(int year, CurrentUser viewer);
}
