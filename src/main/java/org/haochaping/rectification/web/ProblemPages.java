package org.haochaping.rectification.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.haochaping.system.Forms;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.SupervisionKind;
import org.haochaping.rectification.internal.Access;
import org.haochaping.rectification.internal.Problems;
import org.haochaping.rectification.internal.SupervisionRecords;
import org.haochaping.rectification.internal.WorkOrderQueries;
import org.haochaping.system.Zones;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 问题台账 and 双归零 in the console (第十二条): open bad-review orders and open common problems per department, the
 * problems with their owners and deadlines, and the supervision records of 第十一条.
 */
@Controller
class ProblemPages {

    private final Problems problems;
    private final SupervisionRecords records;
    private final WorkOrderQueries queries;
    private final CatalogManagement catalog;
    private final Clock clock;

    ProblemPages(Problems problems, SupervisionRecords records, WorkOrderQueries queries, CatalogManagement catalog,
            Clock clock) {
        this.problems = problems;
        this.records = records;
        this.queries = queries;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/console/problems")
    String ledger(@RequestParam(required = false) String status, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        Problems.Status filter = Forms.option(Problems.Status.class, status);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", Problems.Status.values());
        model.addAttribute("doubleZero", problems.doubleZero(user));
        model.addAttribute("problems", problems.list(filter, user));
        model.addAttribute("records", records.list(null, user));
        model.addAttribute("kinds", SupervisionKind.values());
        model.addAttribute("departments", catalog.departments().stream()
                .filter(d -> Access.readScope(user).covers(d.regionCode(), d.code(), null, null)).toList());
        model.addAttribute("departmentNames", catalog.departments().stream()
                .collect(java.util.stream.Collectors.toMap(CatalogManagement.Department::code,
                        CatalogManagement.Department::name)));
        LocalDate today = Zones.now(clock).toLocalDate();
        model.addAttribute("today", today);
        model.addAttribute("supervisor", Access.isSupervisor(user));
        return "rectification/problems";
    }

    @PostMapping("/console/problems")
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
            @RequestParam(required = false) String departmentCode, @RequestParam(required = false) String owner,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        String[] created = new String[1];
        String back = Forms.act("/console/problems", redirect, "共性问题已登记，请将相关差评工单纳入。",
                () -> created[0] = problems.create(Forms.limit(title, 200), Forms.limit(description, 2000),
                        departmentCode, Forms.limit(owner, 100), deadline, List.of(), user).id());
        return created[0] == null ? back : "redirect:/console/problems/" + created[0];
    }

    @GetMapping("/console/problems/{id}")
    String problem(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Problems.Problem problem = problems.get(id, user);
        List<String> linked = problems.orderIds(id);
        model.addAttribute("p", problem);
        model.addAttribute("linked", queries.byIds(linked, user));
        model.addAttribute("candidates", queries.ofDepartment(problem.departmentCode(), user, 50).stream()
                .filter(o -> !linked.contains(o.id())).toList());
        model.addAttribute("departmentName", catalog.department(problem.departmentCode())
                .map(CatalogManagement.Department::name).orElse(problem.departmentCode()));
        model.addAttribute("today", Zones.now(clock).toLocalDate());
        model.addAttribute("supervisor", Access.isSupervisor(user));
        return "rectification/problem";
    }

    @PostMapping("/console/problems/{id}/work-orders")
    String attach(@PathVariable String id, @RequestParam(required = false) List<String> workOrderIds,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act("/console/problems/" + id, redirect, "已纳入问题台账。",
                () -> problems.attach(id, workOrderIds == null ? List.of()
                        : workOrderIds.stream().limit(200).map(w -> Forms.limit(w, 36)).toList(), user));
    }

    @PostMapping("/console/problems/{id}/solution")
    String solve(@PathVariable String id, @RequestParam(required = false) String solution,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act("/console/problems/" + id, redirect, "共性问题已销号。",
                () -> problems.solve(id, Forms.limit(solution, 2000), user));
    }

    @PostMapping("/console/supervision-records")
    String record(@RequestParam(required = false) String kind, @RequestParam(required = false) String departmentCode,
            @RequestParam(required = false) String staffNo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate happenedOn,
            @RequestParam(required = false) String summary, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act("/console/problems", redirect, "监督记录已登记。", () -> records.record(
                Forms.option(SupervisionKind.class, kind), departmentCode, Forms.limit(staffNo, 32), null, happenedOn,
                Forms.limit(summary, 2000), user));
    }
}
