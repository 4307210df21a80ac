package org.haochaping.evaluation;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.Role;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** 监督查评 by inspectors, and the reading of ratings without a case (JSON and console page). */
@Controller
class SubjectRatingController {

    record InspectionRequest(SubjectType subjectType, @Size(max = 64) String subjectCode, Level level,
            @Size(max = 2000) String comment) {
    }

    private final SubjectRatings ratings;
    private final CatalogManagement catalog;

    SubjectRatingController(SubjectRatings ratings, CatalogManagement catalog) {
        this.ratings = ratings;
        this.catalog = catalog;
    }

    @PostMapping("/api/v1/supervision-ratings")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    SubjectRatings.SubjectRatingView inspect(@Valid @RequestBody InspectionRequest request,
            @AuthenticationPrincipal CurrentUser user) {
        requireInspector(user);
        return ratings.inspection(request.subjectType(), request.subjectCode(), request.level(), request.comment(),
                user.username());
    }

    @GetMapping("/api/v1/subject-ratings")
    @ResponseBody
    Map<String, Object> read(@AuthenticationPrincipal CurrentUser user) {
        SubjectRatings.requireReader(user);
        return Map.of("items", ratings.recent(user.regionCode(), 200), "totals", ratings.totals(user.regionCode()));
    }

    @GetMapping("/console/subject-ratings")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        SubjectRatings.requireReader(user);
        return page(user, model, List.of());
    }

    @PostMapping("/console/subject-ratings")
    String inspectFromConsole(@RequestParam(required = false) String subject, @RequestParam(required = false) Level level,
            @RequestParam(required = false) String comment, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireInspector(user);
        try {
            SubjectType.Choice choice = SubjectType.Choice.parse(subject);
            ratings.inspection(choice.type(), choice.code(), level, comment, user.username());
            return "redirect:/console/subject-ratings?saved";
        } catch (FieldProblem problem) {
            return page(user, model, problem.errors());
        }
    }

    private String page(CurrentUser user, Model model, List<FieldProblem.FieldError> errors) {
        model.addAttribute("items", ratings.recent(user.regionCode(), 100));
        model.addAttribute("totals", ratings.totals(user.regionCode()));
        model.addAttribute("inspector", user.role() == Role.INSPECTOR);
        model.addAttribute("subjectTypes", SubjectType.values());
        model.addAttribute("bodies", catalog.serviceBodies());
        model.addAttribute("departments", catalog.departments());
        model.addAttribute("items_", catalog.items());
        model.addAttribute("levels", Level.values());
        model.addAttribute("errors", errors);
        return "evaluation/subject-ratings";
    }

    private static void requireInspector(CurrentUser user) {
        if (user == null || user.role() != Role.INSPECTOR) {
            throw DomainProblem.forbidden("只有监督员可以提交监督查评。");
        }
    }
}
