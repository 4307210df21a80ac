package org.haochaping.rectification.web;

import java.time.Clock;
import java.time.LocalDate;

import org.haochaping.system.Forms;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.FeedbackChannel;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.SupervisionKind;
import org.haochaping.rectification.Verdict;
import org.haochaping.rectification.WorkOrderStatus;
import org.haochaping.rectification.internal.Access;
import org.haochaping.rectification.internal.Appeals;
import org.haochaping.rectification.internal.RectificationSettings;
import org.haochaping.rectification.internal.SupervisionRecords;
import org.haochaping.rectification.internal.WorkOrderFilter;
import org.haochaping.rectification.internal.WorkOrderJson;
import org.haochaping.rectification.internal.WorkOrderQueries;
import org.haochaping.rectification.internal.WorkOrderService;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
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
 * The console's work orders: the list (department inbox, verification queue, overdue list) and an order's page
 * with its timeline and a form for each step the viewer's role may take now.
 */
@Controller
class WorkOrderPages {

    private final WorkOrderQueries queries;
    private final WorkOrderService service;
    private final SupervisionRecords records;
    private final Appeals appeals;
    private final CatalogManagement catalog;
    private final RectificationSettings settings;
    private final Clock clock;

    WorkOrderPages(WorkOrderQueries queries, WorkOrderService service, SupervisionRecords records, Appeals appeals,
            CatalogManagement catalog, RectificationSettings settings, Clock clock) {
        this.queries = queries;
        this.service = service;
        this.records = records;
        this.appeals = appeals;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console/work-orders")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String departmentCode,
            @RequestParam(required = false) String overdue, @RequestParam(required = false) String caseNo,
            @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        WorkOrderFilter filter = new WorkOrderFilter(Forms.option(WorkOrderStatus.class, status),
                blankToNull(departmentCode), "true".equals(overdue) ? Boolean.TRUE : null,
                Forms.limit(blankToNull(caseNo), 50), page, null);
        model.addAttribute("filter", filter);
        model.addAttribute("result", queries.list(filter, user));
        model.addAttribute("counts", queries.counts(user));
        model.addAttribute("statuses", WorkOrderStatus.values());
        model.addAttribute("departments", catalog.departments().stream()
                .filter(d -> Access.readScope(user).covers(d.regionCode(), d.code(), null, null)
                        || d.code().equals(user.departmentCode()))
                .toList());
        model.addAttribute("policy", settings.deadlinePolicy().description());
        return "rectification/work-orders";
    }

    @GetMapping("/console/work-orders/{id}")
    String detail(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return page(id, user, model);
    }

    private String page(String id, CurrentUser user, Model model) {
        WorkOrderJson order = queries.detail(id, user);
        LocalDate today = Zones.now(clock).toLocalDate();
        model.addAttribute("o", order);
        model.addAttribute("minNewDeadline", order.deadline() != null && order.deadline().isAfter(today)
                ? order.deadline().plusDays(1) : today.plusDays(1));
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("rootCauses", RootCause.values());
        model.addAttribute("channels", FeedbackChannel.values());
        model.addAttribute("kinds", SupervisionKind.values());
        model.addAttribute("records", records.list(id, user));
        model.addAttribute("today", today);
        model.addAttribute("maxExtensionDays", settings.maxExtensionDays());
        model.addAttribute("policy", settings.deadlinePolicy().description());
        return "rectification/work-order";
    }

    @PostMapping("/console/work-orders/{id}/verification")
    String verify(@PathVariable String id, @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act(back(id), redirect, "核实结论已保存。", () -> service.verify(id,
                Forms.option(Verdict.class, verdict), Forms.limit(note, 1000), user));
    }

    @PostMapping("/console/work-orders/{id}/rectification")
    String rectify(@PathVariable String id, @RequestParam(required = false) String measures,
            @RequestParam(required = false) String rootCause, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act(back(id), redirect, "整改结果已提交。", () -> service.rectify(id, Forms.limit(measures, 2000),
                Forms.option(RootCause.class, rootCause), user));
    }

    @PostMapping("/console/work-orders/{id}/extension")
    String requestExtension(@PathVariable String id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDeadline,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act(back(id), redirect, "延期申请已提交，待政务服务管理部门审批。",
                () -> service.requestExtension(id, Forms.limit(reason, 1000), newDeadline, user));
    }

    @PostMapping("/console/work-orders/{id}/extension/decision")
    String decideExtension(@PathVariable String id, @RequestParam(required = false) String approved,
            @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act(back(id), redirect, "延期审批已保存。",
                () -> service.decideExtension(id, Forms.yesNo(approved), Forms.limit(note, 1000), user));
    }

    @PostMapping("/console/work-orders/{id}/feedback")
    String feedback(@PathVariable String id, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String message, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act(back(id), redirect, "已向评价人反馈，附一次性追评链接。", () -> service.giveFeedback(id,
                Forms.option(FeedbackChannel.class, channel), Forms.limit(message, 1000), user));
    }

    @PostMapping("/console/work-orders/{id}/callback")
    String callBack(@PathVariable String id, @RequestParam(required = false) String reached,
            @RequestParam(required = false) String satisfied, @RequestParam(required = false) String note,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act(back(id), redirect, "回访结果已记录。", () -> service.callBack(id, Forms.yesNo(reached),
                Forms.yesNo(satisfied), Forms.limit(note, 1000), user));
    }

    /** The audited reveal of the evaluator's contact: shown on this answer only, never stored in the session. */
    @PostMapping("/console/work-orders/{id}/contact")
    String reveal(@PathVariable String id, @RequestParam(required = false) String purpose,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        try {
            model.addAttribute("contact", service.revealContact(id, Forms.limit(purpose, 200), user));
        } catch (FieldProblem problem) {
            model.addAttribute("error", problem.errors().get(0).message());
        } catch (DomainProblem problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            model.addAttribute("error", problem.detail());
        }
        return page(id, user, model);
    }

    @PostMapping("/console/work-orders/{id}/supervision-records")
    String record(@PathVariable String id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate happenedOn,
            @RequestParam(required = false) String summary, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act(back(id), redirect, "监督记录已登记。", () -> records.record(
                Forms.option(SupervisionKind.class, kind), null, null, id, happenedOn, Forms.limit(summary, 2000), user));
    }

    @PostMapping("/console/work-orders/{id}/appeal")
    String appeal(@PathVariable String id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String evidence, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        String evaluationId = service.load(id, user).facts().evaluationId();
        return Forms.act(back(id), redirect, "申诉已提交，由政务服务管理部门复核。", () -> appeals.submit(evaluationId,
                Forms.limit(reason, 2000), Forms.limit(evidence, 2000), user));
    }

    private static String back(String id) {
        return "/console/work-orders/" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
