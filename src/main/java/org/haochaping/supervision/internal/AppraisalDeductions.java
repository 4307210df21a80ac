package org.haochaping.supervision.internal;

import java.util.ArrayList;
import java.util.List;

import org.haochaping.analytics.AppraisalAdjustments;
import org.haochaping.analytics.RankingSubject;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The year's active deductions for the appraisal workbook: one line per subject a deduction is against (a deduction
 * may be against the department and its staff member both), within what the viewer may read.
 */
@Component
class AppraisalDeductions implements AppraisalAdjustments {

    private final Deductions deductions;
    private final CatalogManagement catalog;

    AppraisalDeductions(Deductions deductions, CatalogManagement catalog) {
        this.deductions = deductions;
        this.catalog = catalog;
    }

    @Override
    public List<AppraisalAdjustments.Deduction> of(int year, CurrentUser viewer) {
        List<AppraisalAdjustments.Deduction> lines = new ArrayList<>();
        for (org.haochaping.supervision.Deduction d : deductions.within(year, SupervisionAccess.readScope(viewer), true)) {
            if (d.againstDepartment()) {
                String name = catalog.department(d.departmentCode()).map(CatalogManagement.Department::name)
                        .orElse(d.departmentCode());
                lines.add(line(d, RankingSubject.DEPARTMENT, d.departmentCode(), name));
            }
            if (d.againstStaff() && d.staffNo() != null) {
                String name = catalog.staff(d.staffNo()).map(CatalogManagement.Staff::name).orElse(d.staffNo());
                lines.add(line(d, RankingSubject.STAFF, d.staffNo(), name));
            }
        }
        return lines;
    }

    private static AppraisalAdjustments.Deduction line(org.haochaping.supervision.Deduction d, RankingSubject subject,
            String code, String name) {
        return new AppraisalAdjustments.Deduction(subject, code, name, d.id(), d.workOrderId(), d.caseNo(), d.points(),
                d.reason(), d.losesEligibility());
    }
}
