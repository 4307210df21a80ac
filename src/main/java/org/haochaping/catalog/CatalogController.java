package org.haochaping.catalog;

import java.util.Map;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalog in the console: everyone signed in reads it, administrators add and edit entries. */
@Controller
class CatalogController {

    private final CatalogEditor editor;
    private final CatalogManagement catalog;
    private final ReasonSets reasonSets;

    CatalogController(CatalogEditor editor, CatalogManagement catalog, ReasonSets reasonSets) {
        this.editor = editor;
        this.catalog = catalog;
        this.reasonSets = reasonSets;
    }

    @GetMapping("/console/catalog")
    String index(Model model) {
        return list("region", model);
    }

    @GetMapping("/console/catalog/{kind}")
    String list(@PathVariable String kind, Model model) {
        CatalogKind k = CatalogKind.fromSlug(kind);
        model.addAttribute("kinds", CatalogKind.values());
        model.addAttribute("kind", k);
        model.addAttribute("rows", editor.list(k));
        return "catalog/list";
    }

    @GetMapping("/console/catalog/reasons")
    String reasons(Model model) {
        return reasonsPage(model, null, null);
    }

    @PostMapping("/console/catalog/reasons")
    String publishReasons(@RequestParam(required = false) String reasons, @RequestParam(required = false) String note,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdmin(user);
        try {
            reasonSets.publish(reasons, note);
            return "redirect:/console/catalog/reasons?saved";
        } catch (FieldProblem problem) {
            return reasonsPage(model, problem, reasons);
        }
    }

    private String reasonsPage(Model model, FieldProblem problem, String text) {
        model.addAttribute("kinds", CatalogKind.values());
        model.addAttribute("version", catalog.activeReasonSetVersion());
        model.addAttribute("reasons", catalog.activeReasons());
        model.addAttribute("text", text != null ? text : reasonSets.asText(catalog.activeReasons()));
        model.addAttribute("errors", problem == null ? java.util.List.of() : problem.errors());
        return "catalog/reasons";
    }

    @GetMapping("/console/catalog/{kind}/new")
    String newForm(@PathVariable String kind, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdmin(user);
        return form(CatalogKind.fromSlug(kind), null, Map.of(), null, model);
    }

    @GetMapping("/console/catalog/{kind}/{code}/edit")
    String editForm(@PathVariable String kind, @PathVariable String code, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        requireAdmin(user);
        CatalogKind k = CatalogKind.fromSlug(kind);
        Map<String, Object> row = editor.find(k, code).orElseThrow(() -> DomainProblem.notFound("目录条目不存在：" + code));
        return form(k, code, row, null, model);
    }

    @PostMapping("/console/catalog/{kind}")
    String add(@PathVariable String kind, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        return save(CatalogKind.fromSlug(kind), null, form, user, model);
    }

    @PostMapping("/console/catalog/{kind}/{code}")
    String edit(@PathVariable String kind, @PathVariable String code, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        return save(CatalogKind.fromSlug(kind), code, form, user, model);
    }

    private String save(CatalogKind kind, String code, Map<String, String> form, CurrentUser user, Model model) {
        requireAdmin(user);
        try {
            editor.save(kind, code, form);
            return "redirect:/console/catalog/" + kind.slug() + "?saved";
        } catch (FieldProblem problem) {
            return form(kind, code, form, problem, model);
        }
    }

    private String form(CatalogKind kind, String code, Map<String, ?> values, FieldProblem problem, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("code", code);
        model.addAttribute("values", values);
        model.addAttribute("errors", problem == null ? java.util.List.of() : problem.errors());
        return "catalog/form";
    }

    private static void requireAdmin(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw DomainProblem.forbidden("只有系统管理员可以维护基础目录。");
        }
    }
}
