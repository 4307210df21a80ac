package org.haochaping.supervision.internal;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;

/** A step the record's current state does not allow (409), naming the states the rule requires. */
public class StepRefused extends DomainProblem {

    StepRefused(String title, String detail) {
        super(HttpStatus.CONFLICT, title, detail);
    }

    @SafeVarargs
    static <S extends Enum<S>> void require(String what, String step, S current, Function<S, String> label,
            S... allowed) {
        if (Arrays.asList(allowed).contains(current)) {
            return;
        }
        String states = Arrays.stream(allowed).map(s -> "「" + label.apply(s) + "」").collect(Collectors.joining("或"));
        throw new StepRefused(what + "状态不允许" + step,
                "只有处于" + states + "状态的" + what + "才能" + step + "，当前为「" + label.apply(current) + "」。");
    }
}
