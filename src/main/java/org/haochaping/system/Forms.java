package org.haochaping.system;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console form handling: a step that succeeds shows a notice, one that breaks a rule shows why, on the same page. */
public final class Forms {

    private Forms() {
    }

    /** Runs the step and redirects back; a rule it breaks is shown as an error there, 404 stays a 404. */
    public static String act(String back, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("done", done);
        } catch (FieldProblem problem) {
            redirect.addFlashAttribute("error", problem.errors().stream().map(FieldProblem.FieldError::message)
                    .collect(Collectors.joining("；")));
        } catch (DomainProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            redirect.addFlashAttribute("error", problem.detail());
        }
        return "redirect:" + back;
    }

    /** An enum from a form field; blank or unknown values are null (the rule then asks for a valid choice). */
    public static <E extends Enum<E>> E option(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public static Boolean yesNo(String value) {
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        return null;
    }

    public static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
