package org.haochaping.evaluation;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The console's rating list with filters, and a rating's detail. */
@Controller
class EvaluationPages {

    private final EvaluationQueries queries;
    private final CatalogManagement catalog;
    private final org.haochaping.identity.AuditLog audit;

    EvaluationPages(EvaluationQueries queries, CatalogManagement catalog, org.haochaping.identity.AuditLog audit) {
        this.queries = queries;
        this.catalog = catalog;
        this.audit = audit;
    }

    @GetMapping("/console/evaluations")
    String list(EvaluationFilter filter, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("result", queries.list(filter, user));
        model.addAttribute("levels", Level.values());
        model.addAttribute("regions", catalog.regions());
        model.addAttribute("departments", catalog.departments());
        return "evaluation/list";
    }

    /** The filtered list as CSV (UTF-8 with BOM, opens in Excel); every export is audited. */
    @GetMapping(value = "/console/evaluations/export.csv", produces = "text/csv;charset=UTF-8")
    void export(EvaluationFilter filter, @AuthenticationPrincipal CurrentUser user,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"evaluations.csv\"");
        java.io.PrintWriter out = response.getWriter();
        out.write('\ufeff');
        out.println("评价时间,办件编号,事项,部门,服务机构,窗口,工号,满意度,渠道,默认评价,有效,评价内容");
        long exported = 0;
        for (int page = 0; ; page++) {
            var result = queries.list(new EvaluationFilter(filter.from(), filter.to(), filter.regionCode(),
                    filter.departmentCode(), filter.level(), filter.caseNo(), page, 200), user);
            for (RatingJson e : result.items()) {
                out.println(String.join(",", csv(e.submittedAt() != null ? e.submittedAt().toLocalDateTime().toString()
                                : e.submittedOn().toString()), csv(e.caseNo()), csv(e.itemName()), csv(e.departmentName()),
                        csv(e.serviceBodyName()), csv(e.windowCode()), csv(e.staffNo()), csv(e.levelLabel()),
                        csv(e.channel().label()), e.defaulted() ? "是" : "否", e.valid() ? "是" : "否", csv(e.comment())));
                exported++;
            }
            if ((long) (page + 1) * 200 >= result.total()) {
                break;
            }
        }
        out.flush();
        audit.record("EXPORT", "evaluations.csv", exported + " ratings");
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@")
                ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    @org.springframework.web.bind.annotation.PostMapping("/console/evaluations/{id}/reveal")
    String reveal(@PathVariable String id, @org.springframework.web.bind.annotation.RequestParam(required = false) RevealPurpose purpose,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String note,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("revealed", queries.reveal(id, purpose, note, user));
        return detail(id, user, model);
    }

    @GetMapping("/console/evaluations/{id}")
    String detail(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("purposes", RevealPurpose.values());
        model.addAttribute("e", queries.detail(id, user));
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("reasonLabels", catalog.activeReasons().stream().collect(java.util.stream.Collectors
                .toMap(r -> r.code(), r -> r.label(), (a, b) -> a)));
        return "evaluation/detail";
    }
}
