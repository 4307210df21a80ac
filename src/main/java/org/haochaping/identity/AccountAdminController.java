package org.haochaping.identity;

import java.util.Map;

import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console pages where the administrator manages accounts and integration clients. */
@Controller
class AccountAdminController {

    private final AccountAdmin admin;

    AccountAdminController(AccountAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/console/accounts")
    String accounts(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdmin(user);
        return page(model, null, Map.of());
    }

    @PostMapping("/console/accounts")
    String create(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdmin(user);
        try {
            Role role = form.get("role") == null || form.get("role").isBlank() ? null : Role.valueOf(form.get("role"));
            admin.create(new NewAccount(form.get("username"), nonBlank(form.get("displayName"), form.get("username")),
                    form.get("password"), role, AccountAdmin.blankToNull(form.get("regionCode")),
                    AccountAdmin.blankToNull(form.get("departmentCode")), AccountAdmin.blankToNull(form.get("serviceBodyCode")),
                    AccountAdmin.blankToNull(form.get("staffNo"))));
            return "redirect:/console/accounts?saved";
        } catch (FieldProblem problem) {
            return page(model, problem, form);
        } catch (IllegalArgumentException badRole) {
            return page(model, FieldProblem.of("role", "角色无效"), form);
        }
    }

    @PostMapping("/console/accounts/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, @AuthenticationPrincipal CurrentUser user) {
        requireAdmin(user);
        if (username.equals(user.username()) && !enabled) {
            throw DomainProblem.conflict("不能停用自己的账号。");
        }
        admin.setEnabled(username, enabled);
        return "redirect:/console/accounts?saved";
    }

    @PostMapping("/console/accounts/{username}/password")
    String reset(@PathVariable String username, @RequestParam String password, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        requireAdmin(user);
        try {
            admin.resetPassword(username, password);
            return "redirect:/console/accounts?saved";
        } catch (FieldProblem problem) {
            return page(model, problem, Map.of());
        }
    }

    @GetMapping("/console/clients")
    String clients(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdmin(user);
        return clientPage(model, null, null, Map.of());
    }

    @PostMapping("/console/clients")
    String createClient(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdmin(user);
        try {
            ApiClientPrincipal.Kind kind = form.get("kind") == null || form.get("kind").isBlank() ? null
                    : ApiClientPrincipal.Kind.valueOf(form.get("kind"));
            String secret = admin.createClient(form.get("clientId"), form.get("name"), kind, form.get("regionCode"),
                    form.get("deviceCode"));
            return clientPage(model, null, secret, form);
        } catch (FieldProblem problem) {
            return clientPage(model, problem, null, form);
        } catch (IllegalArgumentException badKind) {
            return clientPage(model, FieldProblem.of("kind", "类型无效"), null, form);
        }
    }

    @PostMapping("/console/clients/{clientId}/enabled")
    String enableClient(@PathVariable String clientId, @RequestParam boolean enabled,
            @AuthenticationPrincipal CurrentUser user) {
        requireAdmin(user);
        admin.setClientEnabled(clientId, enabled);
        return "redirect:/console/clients";
    }

    private String page(Model model, FieldProblem problem, Map<String, String> form) {
        model.addAttribute("accounts", admin.accounts());
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", problem == null ? java.util.List.of() : problem.errors());
        model.addAttribute("form", form);
        return "identity/accounts";
    }

    private String clientPage(Model model, FieldProblem problem, String secret, Map<String, String> form) {
        model.addAttribute("clients", admin.clients());
        model.addAttribute("kinds", ApiClientPrincipal.Kind.values());
        model.addAttribute("errors", problem == null ? java.util.List.of() : problem.errors());
        model.addAttribute("secret", secret);
        model.addAttribute("form", form);
        return "identity/clients";
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void requireAdmin(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw DomainProblem.forbidden("只有系统管理员可以管理账号和对接客户端。");
        }
    }
}
