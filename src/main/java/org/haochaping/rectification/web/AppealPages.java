package org.haochaping.rectification.web;

import java.util.List;
import java.util.stream.Collectors;

import org.haochaping.system.Forms;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.Role;
import org.haochaping.rectification.internal.AppealStatus;
import org.haochaping.rectification.internal.Appeals;
import org.haochaping.rectification.internal.WorkOrderQueries;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 申诉复核 in the console: the rated staff member or department files an appeal against one of its bad ratings; the
 * supervision office works through the queue and decides.
 */
@Controller
class AppealPages {

    private final Appeals appeals;
    private final WorkOrderQueries queries;
    private final CatalogManagement catalog;

    AppealPages(Appeals appeals, WorkOrderQueries queries, CatalogManagement catalog) {
        this.appeals = appeals;
        this.queries = queries;
        this.catalog = catalog;
    }

    @GetMapping("/console/appeals")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        AppealStatus filter = Forms.option(AppealStatus.class, status);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", AppealStatus.values());
        model.addAttribute("result", queries.appeals(filter, page == null ? 0 : page, user));
        List<Appeals.Appealable> appealable = appeals.appealable(user);
        model.addAttribute("appealable", appealable);
        model.addAttribute("itemNames", appealable.stream().map(Appeals.Appealable::itemCode).distinct()
                .collect(Collectors.toMap(c -> c, c -> catalog.item(c).map(CatalogManagement.ServiceItem::name).orElse(c))));
        model.addAttribute("staff", user != null && user.role() == Role.STAFF);
        return "rectification/appeals";
    }

    @PostMapping("/console/appeals")
    String submit(@RequestParam(required = false) String evaluationId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String evidence, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act("/console/appeals", redirect, "申诉已提交，由政务服务管理部门复核。",
                () -> appeals.submit(Forms.limit(evaluationId, 36), Forms.limit(reason, 2000),
                        Forms.limit(evidence, 2000), user));
    }

    @PostMapping("/console/appeals/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(required = false) String upheld,
            @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act("/console/appeals", redirect, "复核结论已保存。",
                () -> appeals.decide(id, Forms.yesNo(upheld), Forms.limit(note, 2000), user));
    }
}
