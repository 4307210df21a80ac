package org.haochaping.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.haochaping.system.Forms;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.supervision.CoachingStatus;
import org.haochaping.supervision.KeyEntryStatus;
import org.haochaping.supervision.SubjectKind;
import org.haochaping.supervision.internal.Alerts;
import org.haochaping.supervision.internal.Coachings;
import org.haochaping.supervision.internal.Deductions;
import org.haochaping.supervision.internal.KeyEntries;
import org.haochaping.supervision.internal.SupervisionAccess;
import org.haochaping.supervision.internal.Trail;
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
 * 重点监督 in the console (第十五条): the period's list with proposals, confirmation, the department's measures and the
 * office's acceptance; escalations; coaching and reassignment of staff long at the bottom, with each staff member's
 * history.
 */
@Controller
class KeySupervisionPages {

    private final KeyEntries entries;
    private final Coachings coachings;
    private final Deductions deductions;
    private final Alerts alerts;
    private final Trail trail;
    private final CatalogManagement catalog;
    private final Clock clock;
    private final SupervisionTabs tabs;

    KeySupervisionPages(KeyEntries entries, Coachings coachings, Deductions deductions, Alerts alerts, Trail trail,
            CatalogManagement catalog, Clock clock, SupervisionTabs tabs) {
        this.tabs = tabs;
        this.entries = entries;
        this.coachings = coachings;
        this.deductions = deductions;
        this.alerts = alerts;
        this.trail = trail;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/console/supervision/key-entries")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String period,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        KeyEntryStatus filter = Forms.option(KeyEntryStatus.class, status);
        String p = period == null || period.isBlank() ? null : Forms.limit(period.strip(), 10);
        tabs.common(model, user, "key");
        model.addAttribute("status", filter);
        model.addAttribute("period", p);
        model.addAttribute("statuses", KeyEntryStatus.values());
        model.addAttribute("entries", entries.list(filter, p, null, user));
        model.addAttribute("alerts", alerts.recent(user, 20));
        model.addAttribute("lastMonth", YearMonth.from(Zones.now(clock)).minusMonths(1).toString());
        return "supervision/key-list";
    }

    @PostMapping("/console/supervision/proposals")
    String propose(@RequestParam(required = false) String period, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        String p = Forms.limit(period, 10);
        int[] found = new int[1];
        String back = Forms.act("/console/supervision/key-entries?period=" + (p == null ? "" : p), redirect, "", () ->
                found[0] = entries.propose(p, user).size());
        if (!redirect.getFlashAttributes().containsKey("error")) {
            redirect.addFlashAttribute("done", "已按排名规则生成建议名单：本期共 " + found[0] + " 个对象，请逐一确认。");
        }
        return back;
    }

    @GetMapping("/console/supervision/entries/{id}")
    String entry(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
        KeyEntries.KeyEntry e = entries.get(id, user);
        tabs.common(model, user, "key");
        model.addAttribute("e", e);
        model.addAttribute("history", trail.of("KEY_ENTRY", id));
        model.addAttribute("coachings", e.kind() == SubjectKind.STAFF ? coachings.list(null, e.subjectCode(), user)
                : java.util.List.of());
        return "supervision/entry";
    }

    @PostMapping("/console/supervision/entries/{id}/confirmation")
    String confirm(@PathVariable String id, @RequestParam(required = false) String note,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act("/console/supervision/entries/" + id, redirect, "已确认列入重点监督对象，已通知责任部门报送整改措施。",
                () -> entries.confirm(id, Forms.limit(note, 2000), user));
    }

    @PostMapping("/console/supervision/entries/{id}/dismissal")
    String dismiss(@PathVariable String id, @RequestParam(required = false) String note,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act("/console/supervision/entries/" + id, redirect, "已不予列入。",
                () -> entries.dismiss(id, Forms.limit(note, 2000), user));
    }

    @PostMapping("/console/supervision/entries/{id}/measures")
    String measures(@PathVariable String id, @RequestParam(required = false) String measures,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act("/console/supervision/entries/" + id, redirect, "整改措施已报送，等待政务服务管理部门验收。",
                () -> entries.submitMeasures(id, Forms.limit(measures, 2000), deadline, user));
    }

    @PostMapping("/console/supervision/entries/{id}/acceptance")
    String accept(@PathVariable String id, @RequestParam(required = false) String accepted,
            @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        boolean yes = !"false".equals(accepted);
        return Forms.act("/console/supervision/entries/" + id, redirect, yes ? "已验收销号。" : "已退回整改措施。",
                () -> {
                    if (yes) {
                        entries.accept(id, Forms.limit(note, 2000), user);
                    } else {
                        entries.returnMeasures(id, Forms.limit(note, 2000), user);
                    }
                });
    }

    // —— staff long at the bottom

    @GetMapping("/console/supervision/coaching")
    String coachingList(@RequestParam(required = false) String status, @RequestParam(required = false) String staffNo,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        CoachingStatus filter = Forms.option(CoachingStatus.class, status);
        tabs.common(model, user, "coaching");
        model.addAttribute("status", filter);
        model.addAttribute("statuses", CoachingStatus.values());
        model.addAttribute("coachings", coachings.list(filter, Forms.limit(staffNo, 32), user));
        model.addAttribute("staffEntries", entries.list(null, null, SubjectKind.STAFF, user).stream()
                .filter(e -> e.status() != KeyEntryStatus.DISMISSED && e.status() != KeyEntryStatus.PROPOSED).toList());
        model.addAttribute("staffNo", staffNo);
        return "supervision/coachings";
    }

    @PostMapping("/console/supervision/coaching")
    String coach(@RequestParam(required = false) String staffNo, @RequestParam(required = false) String keyEntryId,
            @RequestParam(required = false) String coaching,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate coachedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewOn,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        String[] id = new String[1];
        String back = Forms.act("/console/supervision/coaching", redirect, "教育帮扶已登记。",
                () -> id[0] = coachings.record(Forms.limit(staffNo, 32), Forms.limit(keyEntryId, 36),
                        Forms.limit(coaching, 2000), coachedOn, reviewOn, user).id());
        return id[0] == null ? back : "redirect:/console/supervision/coaching/" + id[0];
    }

    @GetMapping("/console/supervision/coaching/{id}")
    String coaching(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
        tabs.common(model, user, "coaching");
        model.addAttribute("c", coachings.get(id, user));
        model.addAttribute("history", trail.of("COACHING", id));
        return "supervision/coaching";
    }

    @PostMapping("/console/supervision/coaching/{id}/review")
    String review(@PathVariable String id, @RequestParam(required = false) String improved,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reassignmentDeadline,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act("/console/supervision/coaching/" + id, redirect, "复核结论已保存。",
                () -> coachings.review(id, Forms.yesNo(improved), Forms.limit(note, 2000), reassignmentDeadline, user));
    }

    @PostMapping("/console/supervision/coaching/{id}/reassignment")
    String reassigned(@PathVariable String id, @RequestParam(required = false) String note,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act("/console/supervision/coaching/" + id, redirect, "已报告调换完成。",
                () -> coachings.completeReassignment(id, Forms.limit(note, 2000), user));
    }

    @GetMapping("/console/supervision/staff/{staffNo}")
    String staff(@PathVariable String staffNo, @AuthenticationPrincipal CurrentUser user, Model model) {
        tabs.common(model, user, "coaching");
        String no = Forms.limit(staffNo, 32);
        CatalogManagement.Staff s = catalog.staff(no)
                .filter(x -> SupervisionAccess.readScope(user).covers(
                        catalog.department(x.departmentCode()).map(CatalogManagement.Department::regionCode).orElse(""),
                        x.departmentCode(), null, null) || SupervisionAccess.readScope(user).covers(
                        catalog.department(x.departmentCode()).map(CatalogManagement.Department::regionCode).orElse(""),
                        x.departmentCode(), catalog.window(x.windowCode() == null ? "" : x.windowCode())
                                .map(CatalogManagement.Window::serviceBodyCode).orElse(null), x.staffNo()))
                .orElseThrow(() -> org.haochaping.system.DomainProblem.notFound("没有这名工作人员。"));
        model.addAttribute("staff", s);
        model.addAttribute("entries", entries.ofSubject(SubjectKind.STAFF, no, user));
        model.addAttribute("coachings", coachings.list(null, no, user));
        model.addAttribute("deductions", deductions.ofStaff(no, user));
        return "supervision/staff";
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
