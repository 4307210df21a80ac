package org.haochaping.supervision.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.haochaping.system.Forms;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.RectificationManagement;
import org.haochaping.supervision.internal.Appraisals;
import org.haochaping.supervision.internal.Deductions;
import org.haochaping.supervision.internal.GuideRevisions;
import org.haochaping.supervision.internal.Referrals;
import org.haochaping.supervision.internal.SupervisionAccess;
import org.haochaping.supervision.internal.Trail;
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
 * 问责 in the console: appraisal deductions and the year's appraisal (plan 二(五), 第十四条), referrals to discipline
 * inspection (第十五条, office and auditors only) and service guide revisions from common problems (第十二条).
 */
@Controller
class AccountabilityPages {

    private final Deductions deductions;
    private final Appraisals appraisals;
    private final Referrals referrals;
    private final GuideRevisions revisions;
    private final RectificationManagement rectification;
    private final Trail trail;
    private final CatalogManagement catalog;
    private final Clock clock;
    private final SupervisionTabs tabs;

    AccountabilityPages(Deductions deductions, Appraisals appraisals, Referrals referrals, GuideRevisions revisions,
            RectificationManagement rectification, Trail trail, CatalogManagement catalog, Clock clock, SupervisionTabs tabs) {
        this.tabs = tabs;
        this.deductions = deductions;
        this.appraisals = appraisals;
        this.referrals = referrals;
        this.revisions = revisions;
        this.rectification = rectification;
        this.trail = trail;
        this.catalog = catalog;
        this.clock = clock;
    }

    // —— deductions and appraisal

    @GetMapping("/console/appraisal")
    String appraisal(@RequestParam(required = false) Integer year, @RequestParam(required = false) String workOrderId,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        int y = year == null ? Zones.now(clock).getYear() : year;
        tabs.common(model, user, "appraisal");
        model.addAttribute("year", y);
        model.addAttribute("appraisal", appraisals.of(y, user));
        model.addAttribute("deductions", deductions.list(y, user));
        model.addAttribute("workOrderId", workOrderId);
        model.addAttribute("order", workOrderId == null ? null
                : rectification.workOrderFacts(Forms.limit(workOrderId, 36))
                        .filter(o -> user.scope().covers(o.regionCode(), o.departmentCode(), o.serviceBodyCode(), o.staffNo()))
                        .orElse(null));
        return "supervision/appraisal";
    }

    @PostMapping("/console/appraisal/deductions")
    String deduct(@RequestParam(required = false) String workOrderId,
            @RequestParam(required = false) String againstDepartment, @RequestParam(required = false) String againstStaff,
            @RequestParam(required = false) String points, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String losesEligibility, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act("/console/appraisal", redirect, "扣分已记录，并计入年度考核。", () -> deductions.record(
                Forms.limit(workOrderId, 36), "true".equals(againstDepartment), "true".equals(againstStaff),
                decimal(points), Forms.limit(reason, 1000), "true".equals(losesEligibility), user));
    }

    @PostMapping("/console/appraisal/deductions/{id}/revocation")
    String revoke(@PathVariable String id, @RequestParam(required = false) String note,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act("/console/appraisal", redirect, "扣分已撤销。",
                () -> deductions.revoke(id, Forms.limit(note, 1000), user));
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw FieldProblem.of("points", "扣分须为数字");
        }
    }

    // —— referrals (restricted)

    private static void requireReferralReader(CurrentUser user) {
        if (SupervisionAccess.referralScope(user).nothing()) {
            throw DomainProblem.notFound("没有这个页面。");
        }
    }

    @GetMapping("/console/supervision/referrals")
    String referralList(@RequestParam(required = false) String evaluationId, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        requireReferralReader(user);
        tabs.common(model, user, "referrals");
        model.addAttribute("referrals", referrals.list(user));
        model.addAttribute("evaluationId", evaluationId);
        return "supervision/referrals";
    }

    @PostMapping("/console/supervision/referrals")
    String refer(@RequestParam(required = false) String evaluationId, @RequestParam(required = false) String workOrderId,
            @RequestParam(required = false) String inspectionBody, @RequestParam(required = false) String suspicion,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        requireReferralReader(user);
        String[] id = new String[1];
        String back = Forms.act("/console/supervision/referrals", redirect, "问题线索已移送。",
                () -> id[0] = referrals.refer(Forms.limit(evaluationId, 36), Forms.limit(workOrderId, 36),
                        Forms.limit(inspectionBody, 100), Forms.limit(suspicion, 2000), user).id());
        return id[0] == null ? back : "redirect:/console/supervision/referrals/" + id[0];
    }

    @GetMapping("/console/supervision/referrals/{id}")
    String referral(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireReferralReader(user);
        tabs.common(model, user, "referrals");
        model.addAttribute("r", referrals.read(id, user));
        model.addAttribute("history", trail.of("REFERRAL", id));
        return "supervision/referral";
    }

    @PostMapping("/console/supervision/referrals/{id}/conclusion")
    String conclude(@PathVariable String id, @RequestParam(required = false) String conclusion,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        requireReferralReader(user);
        return Forms.act("/console/supervision/referrals/" + id, redirect, "处理结果已登记。",
                () -> referrals.conclude(id, Forms.limit(conclusion, 2000), user));
    }

    // —— service guide revisions

    @GetMapping("/console/supervision/revisions")
    String revisionList(@RequestParam(required = false) String status, @RequestParam(required = false) String problemId,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        GuideRevisions.Status filter = Forms.option(GuideRevisions.Status.class, status);
        tabs.common(model, user, "revisions");
        model.addAttribute("status", filter);
        model.addAttribute("statuses", GuideRevisions.Status.values());
        model.addAttribute("revisions", revisions.list(filter, null, null, user));
        model.addAttribute("problems", SupervisionAccess.isSupervisor(user)
                ? rectification.problemFacts(user.scope(), false) : List.of());
        model.addAttribute("problemId", problemId);
        model.addAttribute("items", SupervisionAccess.isSupervisor(user) ? items(user) : List.of());
        return "supervision/revisions";
    }

    private List<CatalogManagement.ServiceItem> items(CurrentUser user) {
        return catalog.departments().stream()
                .filter(d -> user.scope().covers(d.regionCode(), d.code(), null, null))
                .flatMap(d -> catalog.itemsOf(d.code()).stream()).toList();
    }

    @PostMapping("/console/supervision/revisions")
    String requestRevision(@RequestParam(required = false) String problemId, @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) String request,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        String[] id = new String[1];
        String back = Forms.act("/console/supervision/revisions", redirect, "修订要求已发给责任部门。",
                () -> id[0] = revisions.request(Forms.limit(problemId, 36), Forms.limit(itemCode, 64),
                        Forms.limit(request, 2000), dueOn, user).id());
        return id[0] == null ? back : "redirect:/console/supervision/revisions/" + id[0];
    }

    @GetMapping("/console/supervision/revisions/{id}")
    String revision(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
        tabs.common(model, user, "revisions");
        GuideRevisions.Revision r = revisions.get(id, user);
        model.addAttribute("r", r);
        model.addAttribute("problem", rectification.problemFacts(r.problemId()).orElse(null));
        model.addAttribute("history", trail.of("GUIDE_REVISION", id));
        return "supervision/revision";
    }

    @PostMapping("/console/supervision/revisions/{id}/submission")
    String submitRevision(@PathVariable String id, @RequestParam(required = false) String revision,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act("/console/supervision/revisions/" + id, redirect, "修订情况已报送。",
                () -> revisions.submit(id, Forms.limit(revision, 2000), user));
    }

    @PostMapping("/console/supervision/revisions/{id}/decision")
    String decideRevision(@PathVariable String id, @RequestParam(required = false) String accepted,
            @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act("/console/supervision/revisions/" + id, redirect, "已处理。",
                () -> revisions.decide(id, Forms.yesNo(accepted), Forms.limit(note, 2000), user));
    }

    /** The service item's page: its guide's revision history. */
    @GetMapping("/console/supervision/items/{code}")
    String item(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
        CatalogManagement.ServiceItem item = catalog.item(Forms.limit(code, 64))
                .orElseThrow(() -> DomainProblem.notFound("没有这个事项。"));
        tabs.common(model, user, "revisions");
        model.addAttribute("item", item);
        model.addAttribute("revisions", revisions.list(null, item.code(), null, user));
        return "supervision/item";
    }
}
