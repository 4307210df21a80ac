package org.haochaping.rectification.web;

import jakarta.validation.Valid;

import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.internal.AppealJson;
import org.haochaping.rectification.internal.AppealStatus;
import org.haochaping.rectification.internal.Appeals;
import org.haochaping.rectification.internal.Page;
import org.haochaping.rectification.internal.WorkOrderQueries;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 申诉复核 in the staff API: file an appeal against one's own bad rating, list appeals, decide them. */
@RestController
class AppealApi {

    private final Appeals appeals;
    private final WorkOrderQueries queries;

    AppealApi(Appeals appeals, WorkOrderQueries queries) {
        this.appeals = appeals;
        this.queries = queries;
    }

    @PostMapping("/api/v1/evaluations/{id}/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    AppealJson submit(@PathVariable String id, @Valid @RequestBody Requests.Appeal body,
            @AuthenticationPrincipal CurrentUser user) {
        CurrentUser staff = WorkOrderApi.staff(user);
        return queries.present(appeals.submit(id, body.reason(), body.evidence(), staff), staff);
    }

    @GetMapping("/api/v1/appeals")
    Page<AppealJson> list(@RequestParam(required = false) AppealStatus status,
            @RequestParam(required = false, defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user) {
        return queries.appeals(status, page, WorkOrderApi.staff(user));
    }

    @PostMapping("/api/v1/appeals/{id}/decision")
    AppealJson decide(@PathVariable String id, @Valid @RequestBody Requests.AppealDecision body,
            @AuthenticationPrincipal CurrentUser user) {
        CurrentUser staff = WorkOrderApi.staff(user);
        return queries.present(appeals.decide(id, body.upheld(), body.note(), staff), staff);
    }
}
