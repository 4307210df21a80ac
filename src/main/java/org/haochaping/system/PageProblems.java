package org.haochaping.system;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A broken rule on a page a person uses: a finished error page in Chinese with the right status. */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    @ExceptionHandler(DomainProblem.class)
    ModelAndView domain(DomainProblem problem, Principal principal, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("error/problem");
        page.addObject("layout", citizenPage(request.getRequestURI()) ? "system/mobile" : "system/layout");
        page.setStatus(problem.status());
        page.addObject("status", problem.status().value());
        page.addObject("problemTitle", problem.title());
        page.addObject("detail", problem.detail());
        // model attributes of controller advice are not applied to exception handlers: the layout still needs
        // the signed-in user, else a signed-in user sees the "工作人员登录" header of an anonymous visitor
        if (principal instanceof Authentication authentication) {
            page.addObject("currentUser", authentication.getPrincipal());
        }
        return page;
    }

    /** Evaluators' pages (rating links, window QR, tablets, feedback) keep the phone layout on errors too. */
    static boolean citizenPage(String path) {
        return path.startsWith("/e/") || path.startsWith("/w/") || path.startsWith("/device/") || path.startsWith("/f/")
                || path.equals("/c") || path.startsWith("/c/");
    }
}
