package org.haochaping.supervision.web;

import java.time.Clock;
import java.util.stream.Collectors;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.supervision.internal.SupervisionAccess;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every tab of the supervision console shows: the tab, the viewer's role, today and the departments' names. */
@Component
class SupervisionTabs {

    private final CatalogManagement catalog;
    private final Clock clock;

    SupervisionTabs(CatalogManagement catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    void common(Model model, CurrentUser user, String tab) {
        model.addAttribute("tab", tab);
        model.addAttribute("supervisor", SupervisionAccess.isSupervisor(user));
        model.addAttribute("handler", SupervisionAccess.isHandler(user));
        model.addAttribute("today", Zones.now(clock).toLocalDate());
        model.addAttribute("departmentNames", catalog.departments().stream()
                .collect(Collectors.toMap(CatalogManagement.Department::code, CatalogManagement.Department::name)));
    }
}
