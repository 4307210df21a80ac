package org.haochaping.system;

import java.security.Principal;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A broken rule on a page a person uses: a finished error page in Chinese with the right status. */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    @ExceptionHandler(DomainProblem.class)
    ModelAndView domain(DomainProblem problem, Principal principal) {
        ModelAndView page = new ModelAndView("error/problem");
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
}
