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

    EvaluationPages(EvaluationQueries queries, CatalogManagement catalog) {
        this.queries = queries;
        this.catalog = catalog;
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

    @GetMapping("/console/evaluations/{id}")
    String detail(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("e", queries.detail(id, user));
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("reasonLabels", catalog.activeReasons().stream().collect(java.util.stream.Collectors
                .toMap(r -> r.code(), r -> r.label(), (a, b) -> a)));
        return "evaluation/detail";
    }
}
