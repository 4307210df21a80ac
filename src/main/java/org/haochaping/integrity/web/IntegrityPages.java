package org.haochaping.integrity.web;

import java.time.LocalDate;

import org.haochaping.identity.CurrentUser;
import org.haochaping.integrity.IntegrityManagement;
import org.haochaping.system.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console pages: the review queue with its decisions, the signal dashboard and the ledger check. */
@Controller
class IntegrityPages {

    private final IntegrityManagement integrity;

    IntegrityPages(IntegrityManagement integrity) {
        this.integrity = integrity;
    }

    @GetMapping("/console/integrity/quarantine")
    String queue(@RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("result", integrity.quarantine(user, page, 20));
        return "integrity/quarantine";
    }

    @PostMapping("/console/integrity/quarantine/{evaluationId}/decision")
    String decide(@PathVariable String evaluationId, @RequestParam String decision,
            @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes flash) {
        Boolean release = "release".equals(decision) ? Boolean.TRUE : "invalidate".equals(decision) ? Boolean.FALSE : null;
        try {
            integrity.decide(evaluationId, release, note, user);
            flash.addFlashAttribute("message", Boolean.TRUE.equals(release)
                    ? "已放行该评价，恢复计入统计。" : "已认定为虚假评价并作无效处理（评价保留，不计入统计）。");
        } catch (FieldProblem problem) {
            flash.addFlashAttribute("error", problem.errors().get(0).message());
            flash.addFlashAttribute("errorFor", evaluationId);
        }
        return "redirect:/console/integrity/quarantine";
    }

    @GetMapping("/console/integrity/dashboard")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("d", integrity.dashboard(user, from, to));
        return "integrity/dashboard";
    }

    @GetMapping("/console/integrity/ledger")
    String ledger(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("chains", integrity.chains(user));
        model.addAttribute("history", integrity.pastVerifications(user));
        return "integrity/ledger";
    }

    @PostMapping("/console/integrity/ledger/verification")
    String verify(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("result", integrity.verify(user, null));
        return ledger(user, model);
    }
}
