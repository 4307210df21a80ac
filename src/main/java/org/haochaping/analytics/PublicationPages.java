package org.haochaping.analytics;

import java.time.Clock;
import java.util.List;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The city government office publishes or withdraws a period's results and writes its stories (第十三条). */
@Controller
class PublicationPages {

    private final Publications publications;
    private final Viewers viewers;
    private final Clock clock;

    PublicationPages(Publications publications, Viewers viewers, Clock clock) {
        this.publications = publications;
        this.viewers = viewers;
        this.clock = clock;
    }

    /** A period to choose, with whether it is published and its stories. */
    record Choice(Period period, Publications.Publication publication, List<Publications.Story> stories,
            boolean ended) {
    }

    @GetMapping("/console/publication")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        viewers.cityOffice(user);
        java.time.LocalDate today = Zones.now(clock).toLocalDate();
        model.addAttribute("choices", ReportPages.recent(clock).stream()
                .map(p -> new Choice(p, publications.find(p.code()).orElse(null), publications.stories(p.code()),
                        p.endedBefore(today)))
                .toList());
        return "analytics/publication";
    }

    @PostMapping("/console/publication/{period}")
    String publish(@PathVariable String period, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        CurrentUser office = viewers.cityOffice(user);
        Period p = Period.parse(period);
        publications.publish(p, office.username());
        flash.addFlashAttribute("notice", "已发布" + p.label() + "评价结果，社会公众可在公示页查看。");
        return "redirect:/console/publication";
    }

    @PostMapping("/console/publication/{period}/withdraw")
    String withdraw(@PathVariable String period, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        viewers.cityOffice(user);
        Period p = Period.parse(period);
        publications.withdraw(p);
        flash.addFlashAttribute("notice", "已撤回" + p.label() + "评价结果。");
        return "redirect:/console/publication";
    }

    @PostMapping("/console/publication/{period}/stories")
    String addStory(@PathVariable String period, @RequestParam(required = false) String title,
            @RequestParam(required = false) String said, @RequestParam(required = false) String done,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        CurrentUser office = viewers.cityOffice(user);
        Period p = Period.parse(period);
        try {
            publications.addStory(p, title, said, done, office.username());
            flash.addFlashAttribute("notice", "已添加“您说我改”案例（已自动去除个人信息）。");
        } catch (FieldProblem problem) {
            flash.addFlashAttribute("error", problem.errors().get(0).message());
        }
        return "redirect:/console/publication";
    }

    @PostMapping("/console/publication/{period}/stories/{id}/delete")
    String removeStory(@PathVariable String period, @PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        viewers.cityOffice(user);
        publications.removeStory(Period.parse(period), id);
        return "redirect:/console/publication";
    }
}
