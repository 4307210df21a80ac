package org.haochaping.identity;

import java.time.LocalDate;

import org.haochaping.system.DomainProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit log for auditors: read-only, as JSON and as a console page, with the chain check. */
@Controller
class AuditController {

    private final AuditTrail trail;
    private final AuditLog audit;

    AuditController(AuditTrail trail, AuditLog audit) {
        this.trail = trail;
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit-log")
    @ResponseBody
    AuditTrail.Page log(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal CurrentUser user) {
        requireAuditor(user);
        audit.record("AUDIT_LOG_READ", null, "actor=" + actor + " action=" + action);
        return trail.search(from, to, actor, action, Math.max(page, 0), Math.min(Math.max(size, 1), 200));
    }

    @GetMapping("/api/v1/audit-log/verification")
    @ResponseBody
    AuditTrail.Verification verification(@AuthenticationPrincipal CurrentUser user) {
        requireAuditor(user);
        return trail.verify();
    }

    @GetMapping("/console/audit")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String verify,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        requireAuditor(user);
        model.addAttribute("result", trail.search(from, to, actor, action, Math.max(page, 0), 50));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        if (verify != null) {
            model.addAttribute("verification", trail.verify());
        }
        return "identity/audit";
    }

    private static void requireAuditor(CurrentUser user) {
        if (user == null || user.role() != Role.AUDITOR) {
            throw DomainProblem.forbidden("只有审计人员可以查阅审计日志。");
        }
    }
}
