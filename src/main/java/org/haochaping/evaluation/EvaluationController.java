package org.haochaping.evaluation;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.DomainProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The staff JSON API over ratings (bearer token; data limited to the caller's scope). */
@RestController
class EvaluationController {

    private final EvaluationQueries queries;

    EvaluationController(EvaluationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/evaluations")
    EvaluationQueries.Page<RatingJson> list(EvaluationFilter filter, @AuthenticationPrincipal CurrentUser user) {
        return queries.list(filter, staff(user));
    }

    @GetMapping("/api/v1/evaluations/{id}")
    RatingJson detail(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return queries.detail(id, staff(user));
    }

    record RevealRequest(RevealPurpose purpose, @jakarta.validation.constraints.Size(max = 200) String note) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/evaluations/{id}/evaluator/reveal")
    EvaluationQueries.RevealedIdentity reveal(@PathVariable String id,
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody RevealRequest request,
            @AuthenticationPrincipal CurrentUser user) {
        return queries.reveal(id, request.purpose(), request.note(), staff(user));
    }

    static CurrentUser staff(CurrentUser user) {
        if (user == null) {
            throw DomainProblem.forbidden("此接口仅供员工使用（Bearer 令牌）。");
        }
        return user;
    }
}
