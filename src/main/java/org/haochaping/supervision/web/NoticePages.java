package org.haochaping.supervision.web;

import java.time.Clock;
import java.time.YearMonth;

import org.haochaping.system.Forms;
import org.haochaping.identity.CurrentUser;
import org.haochaping.supervision.internal.Notices;
import org.haochaping.supervision.internal.SupervisionAccess;
import org.haochaping.supervision.internal.Trail;
import org.haochaping.system.Zones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 定期通报 (plan 二(四)2): composed, edited and previewed by the supervision office in the console, then published to
 * the public pages under {@code /public/notices}.
 */
@Controller
class NoticePages {

    private final Notices notices;
    private final Trail trail;
    private final Clock clock;

    NoticePages(Notices notices, Trail trail, Clock clock) {
        this.notices = notices;
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping("/console/supervision/notices")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("tab", "notices");
        model.addAttribute("supervisor", SupervisionAccess.isSupervisor(user));
        model.addAttribute("notices", notices.list(user));
        model.addAttribute("lastMonth", YearMonth.from(Zones.now(clock)).minusMonths(1).toString());
        return "supervision/notices";
    }

    @PostMapping("/console/supervision/notices")
    String compose(@RequestParam(required = false) String period, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        String[] id = new String[1];
        String back = Forms.act("/console/supervision/notices", redirect, "通报草稿已生成，请审核修改后发布。",
                () -> id[0] = notices.compose(Forms.limit(period, 10), user).id());
        return id[0] == null ? back : "redirect:/console/supervision/notices/" + id[0];
    }

    @GetMapping("/console/supervision/notices/{id}")
    String notice(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("tab", "notices");
        model.addAttribute("supervisor", SupervisionAccess.isSupervisor(user));
        model.addAttribute("n", notices.get(id, user));
        model.addAttribute("history", trail.of("NOTICE", id));
        return "supervision/notice";
    }

    @PostMapping("/console/supervision/notices/{id}")
    String edit(@PathVariable String id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return Forms.act("/console/supervision/notices/" + id, redirect, "已保存，请在下方预览。",
                () -> notices.edit(id, Forms.limit(title, 200), Forms.limit(body, 20000), user));
    }

    @PostMapping("/console/supervision/notices/{id}/publication")
    String publish(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return Forms.act("/console/supervision/notices/" + id, redirect, "通报已发布到公示页面。",
                () -> notices.publish(id, user));
    }

    @GetMapping("/public/notices")
    String published(Model model) {
        model.addAttribute("notices", notices.published(50));
        return "supervision/public-notices";
    }

    @GetMapping("/public/notices/{id}")
    String publishedOne(@PathVariable String id, Model model) {
        model.addAttribute("n", notices.publishedOne(id.length() > 36 ? "-" : id));
        return "supervision/public-notice";
    }
}
