package org.haochaping.supervision.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.haochaping.analytics.AppraisalExports;
import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.supervision.Deduction;
import org.haochaping.supervision.internal.Appraisals;
import org.haochaping.supervision.internal.Deductions;
import org.haochaping.supervision.internal.Trail;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 绩效考核 in the staff API (第十四条, plan 二(五)): deductions for failures of duty, and the year's appraisal per
 * department and staff member — score, deductions with their sources, score after deductions, award eligibility — as
 * JSON and as the appraisal workbook analytics writes for the year.
 */
@RestController
class AppraisalApi {

    private final Deductions deductions;
    private final Appraisals appraisals;
    private final AuditLog audit;
    private final Trail trail;
    private final AppraisalExports exports;

    AppraisalApi(Deductions deductions, Appraisals appraisals, AuditLog audit, Trail trail, AppraisalExports exports) {
        this.exports = exports;
        this.deductions = deductions;
        this.appraisals = appraisals;
        this.audit = audit;
        this.trail = trail;
    }

    @GetMapping("/api/v1/appraisal/deductions")
    List<Deduction> deductions(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CurrentUser user) {
        return deductions.list(year, SupervisionApi.staff(user));
    }

    @PostMapping("/api/v1/appraisal/deductions")
    @ResponseStatus(HttpStatus.CREATED)
    Tracked<Deduction> deduct(@Valid @RequestBody Requests.Deduction body, @AuthenticationPrincipal CurrentUser user) {
        Deduction d = deductions.record(body.workOrderId(), body.againstDepartment(), body.againstStaff(), body.points(),
                body.reason(), body.losesEligibility(), SupervisionApi.staff(user));
        return new Tracked<>(d, trail.of("DEDUCTION", d.id()));
    }

    @GetMapping("/api/v1/appraisal/deductions/{id}")
    Tracked<Deduction> deduction(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return new Tracked<>(deductions.get(id, SupervisionApi.staff(user)), trail.of("DEDUCTION", id));
    }

    @PostMapping("/api/v1/appraisal/deductions/{id}/revocation")
    Tracked<Deduction> revoke(@PathVariable String id, @Valid @RequestBody Requests.Note body,
            @AuthenticationPrincipal CurrentUser user) {
        return new Tracked<>(deductions.revoke(id, body.note(), SupervisionApi.staff(user)), trail.of("DEDUCTION", id));
    }

    @GetMapping("/api/v1/appraisal/{year:\\d{4}}")
    Appraisals.Appraisal appraisal(@PathVariable int year, @AuthenticationPrincipal CurrentUser user) {
        return appraisals.of(year, SupervisionApi.staff(user));
    }

    @GetMapping({"/api/v1/appraisal/{year:\\d{4}}.xlsx", "/console/appraisal/{year:\\d{4}}.xlsx"})
    void workbook(@PathVariable int year, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response)
            throws IOException {
        appraisals.of(year, SupervisionApi.staff(user)); // the same checks as the JSON: role and year
        audit.record("EXPORT", "APPRAISAL:" + year, "导出 " + year + " 年度好差评考核结果");
        response.setContentType(AppraisalExports.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("好差评考核结果-" + year + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
        exports.write(Integer.toString(year), user, response.getOutputStream());
    }
}
