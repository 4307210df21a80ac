package org.haochaping.rectification.web;

import jakarta.servlet.http.HttpServletRequest;

import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.internal.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The console navigation's count of unread notices (overdue orders, extension requests, appeals...). */
@ControllerAdvice(annotations = Controller.class)
class ConsoleBadge {

    private final Notifications notifications;

    ConsoleBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("rectificationUnread")
    Long unread(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/console") || !Notifications.receives(user)) {
            return null;
        }
        return notifications.unread(user);
    }
}
