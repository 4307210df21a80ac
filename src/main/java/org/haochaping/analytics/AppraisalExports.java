package org.haochaping.analytics;

import java.io.IOException;
import java.io.OutputStream;

import org.haochaping.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The one appraisal workbook (第十四条): per department and staff member the indicators of a period and, for a
 * year, the deductions recorded against them ({@link AppraisalAdjustments}) with the score after them and the award
 * eligibility. The statistics API and the supervision office's annual appraisal both hand it out.
 */
@Component
public class AppraisalExports {

    public static final String CONTENT_TYPE = Workbooks.CONTENT_TYPE;

    private final PeriodReport reports;
    private final Workbooks workbooks;
    private final Viewers viewers;

    AppraisalExports(PeriodReport reports, Workbooks workbooks, Viewers viewers) {
        this.reports = reports;
        this.workbooks = workbooks;
        this.viewers = viewers;
    }

    /**
     * Checks that the user reads statistics and the period is well formed (403 or 400, before anything is
     * written), then writes the workbook of the period within the user's data scope.
     */
    public void write(String period, CurrentUser user, OutputStream out) throws IOException {
        CurrentUser viewer = viewers.statistics(user);
        Period p = Period.parse(period);
        workbooks.appraisal(reports.appraisal(p, viewers.filter(viewer, null, null, null, null, null, null), viewer),
                out);
    }
}
