package org.haochaping.analytics;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Public disclosure without login (第十三条): the published periods as pages. */
@Controller
class PublicPages {

    private final PublicDisclosure disclosure;
    private final Publications publications;

    PublicPages(PublicDisclosure disclosure, Publications publications) {
        this.disclosure = disclosure;
        this.publications = publications;
    }

    @GetMapping("/public")
    String index(Model model) {
        List<Period> published = publications.published();
        model.addAttribute("published", published);
        model.addAttribute("summary", published.isEmpty() ? null : disclosure.of(published.get(0)));
        return "analytics/public";
    }

    @GetMapping("/public/{period}")
    String period(@PathVariable String period, Model model) {
        model.addAttribute("published", publications.published());
        model.addAttribute("summary", disclosure.of(Period.parse(period)));
        return "analytics/public";
    }
}
