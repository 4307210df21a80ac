package org.haochaping.rectification.web;

import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.internal.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The console's notices about work orders, for the department and the supervision office. */
@Controller
class NotificationPages {

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/console/notifications")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("notices", notifications.inbox(user, 200));
        model.addAttribute("receives", Notifications.receives(user));
        return "rectification/notifications";
    }

    @PostMapping("/console/notifications/read")
    String markRead(@AuthenticationPrincipal CurrentUser user) {
        notifications.markAllRead(user);
        return "redirect:/console/notifications";
    }
}
