package org.haochaping.rectification.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.haochaping.system.Forms;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Level;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.rectification.internal.FollowUps;
import org.haochaping.rectification.internal.WorkOrder;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evaluator's feedback page ({@code /f/{token}}, phone-first, no login): what the department found and did
 * about their bad rating (第十条), and one follow-up rating of the response (追评). Works without JavaScript.
 */
@Controller
class FeedbackPages {

    private final FollowUps followUps;
    private final CatalogManagement catalog;

    FeedbackPages(FollowUps followUps, CatalogManagement catalog) {
        this.followUps = followUps;
        this.catalog = catalog;
    }

    @GetMapping("/f/{token}")
    String page(@PathVariable String token, Model model) {
        return show(token, followUps.page(token), Map.of(), null, model);
    }

    @PostMapping("/f/{token}")
    String submit(@PathVariable String token, @RequestParam(required = false) String level,
            @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
        FollowUps.FeedbackPage page = followUps.page(token);
        try {
            FollowUps.FollowUp given = followUps.submit(page.ticket().evaluationId(), token,
                    Forms.option(Level.class, level), Forms.limit(comment, 2000));
            model.addAttribute("followUp", given);
            return "rectification/follow-up-thanks";
        } catch (FieldProblem problem) {
            response.setStatus(400);
            return show(token, page, Map.of("level", level == null ? "" : level, "comment", comment == null ? "" : comment),
                    problem.errors().get(0).message(), model);
        }
    }

    private String show(String token, FollowUps.FeedbackPage page, Map<String, String> values, String error,
            Model model) {
        WorkOrder order = page.order();
        model.addAttribute("token", token);
        model.addAttribute("order", order);
        model.addAttribute("rating", page.rating());
        model.addAttribute("followUp", page.followUp().orElse(null));
        model.addAttribute("department", catalog.department(order.facts().departmentCode())
                .map(CatalogManagement.Department::name).orElse(order.facts().departmentCode()));
        model.addAttribute("levels", Level.values());
        model.addAttribute("values", values);
        model.addAttribute("error", error);
        model.addAttribute("usable", !page.ticket().used() && page.followUp().isEmpty()
                && order.outcome() != WorkOrderOutcome.INVALID);
        return "rectification/feedback";
    }

    /** A broken or used link keeps the phone layout. */
    @ExceptionHandler(DomainProblem.class)
    String problem(DomainProblem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status().value());
        model.addAttribute("problemTitle", problem.title());
        model.addAttribute("detail", problem.detail());
        return "rectification/feedback-problem";
    }
}
