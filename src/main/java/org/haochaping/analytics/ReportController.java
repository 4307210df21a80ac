package org.haochaping.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The period's report workbook and the appraisal workbook, written to the answer as they are made: over the staff API (bearer token) and, for
 * the console's download links, under {@code /console/reports} (session).
 */
@RestController
class ReportController {

    private final PeriodReport reports;
    private final Workbooks workbooks;
    private final Viewers viewers;
    private final AuditLog audit;
    private final AppraisalExports appraisals;

    ReportController(PeriodReport reports, Workbooks workbooks, Viewers viewers, AuditLog audit,
            AppraisalExports appraisals) {
        this.appraisals = appraisals;
        this.reports = reports;
        this.workbooks = workbooks;
        this.viewers = viewers;
        this.audit = audit;
    }

    @GetMapping({"/api/v1/reports/{period}.xlsx", "/console/reports/{period}.xlsx"})
    void report(@PathVariable String period, @AuthenticationPrincipal CurrentUser user,
            HttpServletResponse response) throws IOException {
        CurrentUser viewer = viewers.statistics(user);
        Period p = Period.parse(period);
        PeriodReport.Contents contents = reports.of(p, viewers.filter(viewer, null, null, null, null, null, null));
        audit.record("REPORT_EXPORTED", p.code(), "评价报告 " + p.label());
        workbooks.report(contents, download(response, "好差评报告-" + p.code() + ".xlsx"));
    }

    @GetMapping({"/api/v1/reports/{period}/appraisal.xlsx", "/console/reports/{period}/appraisal.xlsx"})
    void appraisal(@PathVariable String period, @AuthenticationPrincipal CurrentUser user,
            HttpServletResponse response) throws IOException {
        viewers.statistics(user);
        Period p = Period.parse(period);
        audit.record("APPRAISAL_EXPORTED", p.code(), "考核指标 " + p.label());
        appraisals.write(p.code(), user, download(response, "好差评考核指标-" + p.code() + ".xlsx"));
    }

    /** Sets the download headers and answers the stream the workbook is written to as it is made. */
    private static OutputStream download(HttpServletResponse response, String filename) throws IOException {
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        response.setContentType(Workbooks.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"report.xlsx\"; filename*=UTF-8''" + encoded);
        return response.getOutputStream();
    }
}
