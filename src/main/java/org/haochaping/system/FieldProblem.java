package org.haochaping.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Invalid input on named fields: a 400 whose {@code errors} array lists each field with a Chinese message. */
public class FieldProblem extends DomainProblem {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public FieldProblem(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "请求无效", "提交的内容有误：" + errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static FieldProblem of(String field, String message) {
        return new FieldProblem(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
