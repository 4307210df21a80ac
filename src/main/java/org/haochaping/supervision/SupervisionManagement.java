package org.haochaping.supervision;

import java.util.List;

import org.haochaping.identity.DataScope;
import org.haochaping.supervision.internal.Deductions;
import org.springframework.stereotype.Service;

/** What other modules may ask of supervision: the appraisal deductions in force and award eligibility (第十四条). */
@Service
public class SupervisionManagement {

    private final Deductions deductions;

    SupervisionManagement(Deductions deductions) {
        this.deductions = deductions;
    }

    /** The deductions in force for the appraisal year within the scope (revoked ones left out), newest first. */
    public List<Deduction> deductions(int year, DataScope scope) {
        return deductions.within(year, scope, true);
    }

    /** Whether the department or staff member keeps its award eligibility for the year. */
    public boolean eligible(SubjectKind kind, String code, int year) {
        return deductions(year, DataScope.everything()).stream().noneMatch(d -> d.losesEligibility()
                && (kind == SubjectKind.DEPARTMENT ? d.againstDepartment() && code.equals(d.departmentCode())
                        : d.againstStaff() && code.equals(d.staffNo())));
    }
}
