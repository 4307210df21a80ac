package org.haochaping.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A broken rule on a page a person uses: a finished error page in Chinese with the right status. */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    @ExceptionHandler(DomainProblem.class)
    ModelAndView domain(DomainProblem problem) {
        ModelAndView page = new ModelAndView("error/problem");
        page.setStatus(problem.status());
        page.addObject("status", problem.status().value());
        page.addObject("title", problem.title());
        page.addObject("detail", problem.detail());
        return page;
    }
}
