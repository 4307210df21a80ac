package org.haochaping.rectification.web;

import java.util.List;

import jakarta.validation.Valid;

import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.internal.Problems;
import org.haochaping.rectification.internal.SupervisionRecords;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The problem ledger (第十二条, 双归零) and supervision records (第十一条) in the staff API. */
@RestController
class ProblemApi {

    private final Problems problems;
    private final SupervisionRecords records;

    ProblemApi(Problems problems, SupervisionRecords records) {
        this.problems = problems;
        this.records = records;
    }

    @GetMapping("/api/v1/problems")
    List<Problems.Problem> list(@RequestParam(required = false) Problems.Status status,
            @AuthenticationPrincipal CurrentUser user) {
        return problems.list(status, WorkOrderApi.staff(user));
    }

    @PostMapping("/api/v1/problems")
    @ResponseStatus(HttpStatus.CREATED)
    Problems.Problem create(@Valid @RequestBody Requests.Problem body, @AuthenticationPrincipal CurrentUser user) {
        return problems.create(body.title(), body.description(), body.departmentCode(), body.owner(), body.deadline(),
                body.workOrderIds(), WorkOrderApi.staff(user));
    }

    @GetMapping("/api/v1/problems/{id}")
    Problems.Problem detail(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return problems.get(id, WorkOrderApi.staff(user));
    }

    @PostMapping("/api/v1/problems/{id}/work-orders")
    Problems.Problem attach(@PathVariable String id, @Valid @RequestBody Requests.WorkOrderIds body,
            @AuthenticationPrincipal CurrentUser user) {
        return problems.attach(id, body.workOrderIds(), WorkOrderApi.staff(user));
    }

    @PostMapping("/api/v1/problems/{id}/solution")
    Problems.Problem solve(@PathVariable String id, @Valid @RequestBody Requests.Solution body,
            @AuthenticationPrincipal CurrentUser user) {
        return problems.solve(id, body.solution(), WorkOrderApi.staff(user));
    }

    /** 双归零: open bad-review orders and open common problems, both to reach zero. */
    @GetMapping("/api/v1/double-zero")
    Problems.DoubleZero doubleZero(@AuthenticationPrincipal CurrentUser user) {
        return problems.doubleZero(WorkOrderApi.staff(user));
    }

    @GetMapping("/api/v1/supervision-records")
    List<SupervisionRecords.Record> records(@RequestParam(required = false) String workOrderId,
            @AuthenticationPrincipal CurrentUser user) {
        return records.list(workOrderId, WorkOrderApi.staff(user));
    }

    @PostMapping("/api/v1/supervision-records")
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionRecords.Record record(@Valid @RequestBody Requests.SupervisionRecord body,
            @AuthenticationPrincipal CurrentUser user) {
        return records.record(body.kind(), body.departmentCode(), body.staffNo(), body.workOrderId(),
                body.happenedOn(), body.summary(), WorkOrderApi.staff(user));
    }
}
