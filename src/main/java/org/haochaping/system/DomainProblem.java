package org.haochaping.system;

import org.springframework.http.HttpStatus;

/**
 * A broken rule, answered as RFC 9457 problem details with a Chinese title and detail. Modules subclass it
 * with a name that says the rule (e.g. {@code CaseAlreadyRated}).
 */
public class DomainProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public DomainProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public static DomainProblem notFound(String detail) {
        return new DomainProblem(HttpStatus.NOT_FOUND, "未找到", detail);
    }

    public static DomainProblem badRequest(String detail) {
        return new DomainProblem(HttpStatus.BAD_REQUEST, "请求无效", detail);
    }

    public static DomainProblem forbidden(String detail) {
        return new DomainProblem(HttpStatus.FORBIDDEN, "无权操作", detail);
    }

    public static DomainProblem conflict(String detail) {
        return new DomainProblem(HttpStatus.CONFLICT, "状态冲突", detail);
    }
}
