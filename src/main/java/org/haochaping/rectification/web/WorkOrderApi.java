package org.haochaping.rectification.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.internal.Notifications;
import org.haochaping.rectification.internal.Page;
import org.haochaping.rectification.internal.WorkOrderFilter;
import org.haochaping.rectification.internal.WorkOrderJson;
import org.haochaping.rectification.internal.WorkOrderQueries;
import org.haochaping.rectification.internal.WorkOrderService;
import org.haochaping.system.DomainProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work orders of the staff API (bearer token): list and detail within the caller's scope, and each step of
 * the loop — verification, rectification, extension, feedback, call-back — plus the audited reveal of the
 * evaluator's contact for a call-back.
 */
@RestController
class WorkOrderApi {

    private final WorkOrderQueries queries;
    private final WorkOrderService service;
    private final Notifications notifications;

    WorkOrderApi(WorkOrderQueries queries, WorkOrderService service, Notifications notifications) {
        this.queries = queries;
        this.service = service;
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/work-orders")
    Page<WorkOrderJson> list(WorkOrderFilter filter, @AuthenticationPrincipal CurrentUser user) {
        return queries.list(filter, staff(user));
    }

    @GetMapping("/api/v1/work-orders/{id}")
    WorkOrderJson detail(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return queries.detail(id, staff(user));
    }

    @PostMapping("/api/v1/work-orders/{id}/verification")
    WorkOrderJson verify(@PathVariable String id, @Valid @RequestBody Requests.Verification body,
            @AuthenticationPrincipal CurrentUser user) {
        return queries.present(service.verify(id, body.verdict(), body.note(), staff(user)), user);
    }

    @PostMapping("/api/v1/work-orders/{id}/rectification")
    WorkOrderJson rectify(@PathVariable String id, @Valid @RequestBody Requests.Rectification body,
            @AuthenticationPrincipal CurrentUser user) {
        return queries.present(service.rectify(id, body.measures(), body.rootCause(), staff(user)), user);
    }

    @PostMapping("/api/v1/work-orders/{id}/extension")
    WorkOrderJson requestExtension(@PathVariable String id, @Valid @RequestBody Requests.Extension body,
            @AuthenticationPrincipal CurrentUser user) {
        return queries.present(service.requestExtension(id, body.reason(), body.newDeadline(), staff(user)), user);
    }

    @PostMapping("/api/v1/work-orders/{id}/extension/decision")
    WorkOrderJson decideExtension(@PathVariable String id, @Valid @RequestBody Requests.ExtensionDecision body,
            @AuthenticationPrincipal CurrentUser user) {
        return queries.present(service.decideExtension(id, body.approved(), body.note(), staff(user)), user);
    }

    @PostMapping("/api/v1/work-orders/{id}/feedback")
    WorkOrderJson feedback(@PathVariable String id, @Valid @RequestBody Requests.Feedback body,
            @AuthenticationPrincipal CurrentUser user) {
        return queries.present(service.giveFeedback(id, body.channel(), body.message(), staff(user)), user);
    }

    @PostMapping("/api/v1/work-orders/{id}/callback")
    WorkOrderJson callBack(@PathVariable String id, @Valid @RequestBody Requests.CallBack body,
            @AuthenticationPrincipal CurrentUser user) {
        return queries.present(service.callBack(id, body.reached(), body.satisfied(), body.note(), staff(user)), user);
    }

    /** The evaluator's full name and mobile for a call-back: supervision office only, audited. */
    @PostMapping("/api/v1/work-orders/{id}/evaluator-contact")
    WorkOrderService.Contact reveal(@PathVariable String id, @Valid @RequestBody Requests.Reveal body,
            @AuthenticationPrincipal CurrentUser user) {
        return service.revealContact(id, body.purpose(), staff(user));
    }

    /** The caller's console notices (overdue orders, extension requests, appeals...). */
    @GetMapping("/api/v1/work-orders/notifications")
    Map<String, Object> notices(@AuthenticationPrincipal CurrentUser user) {
        List<Notifications.Notice> items = notifications.inbox(staff(user), 100);
        return Map.of("items", items, "unread", notifications.unread(user));
    }

    static CurrentUser staff(CurrentUser user) {
        if (user == null) {
            throw DomainProblem.forbidden("此接口仅供员工使用（Bearer 令牌）。");
        }
        return user;
    }
}
