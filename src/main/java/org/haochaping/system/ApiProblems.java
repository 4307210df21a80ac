package org.haochaping.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a JSON endpoint into RFC 9457 problem details with a Chinese title; a bad request
 * never reaches storage and no input produces a 5xx.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "请求无效"), Map.entry(401, "未认证"), Map.entry(403, "无权操作"),
            Map.entry(404, "未找到"), Map.entry(405, "不支持的请求方法"), Map.entry(406, "不支持的响应格式"),
            Map.entry(409, "状态冲突"), Map.entry(410, "已失效"), Map.entry(413, "请求内容过大"),
            Map.entry(415, "不支持的内容类型"), Map.entry(429, "请求过于频繁"), Map.entry(500, "服务器内部错误"));

    static String titleFor(int status) {
        return TITLES.getOrDefault(status, "请求失败");
    }

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<ProblemDetail> domain(DomainProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.detail());
        body.setTitle(problem.title());
        if (problem instanceof FieldProblem fields) {
            body.setProperty("errors", fields.errors());
        }
        return ResponseEntity.status(problem.status()).body(body);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<FieldProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return domain(new FieldProblem(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return domain(FieldProblem.of(e.getName(), "取值无效"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return domain(DomainProblem.conflict("数据不满足约束条件，未保存。"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "服务器处理请求时出错，请稍后重试。");
        body.setTitle(titleFor(500));
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        if (errors.isEmpty()) {
            errors = List.of(new FieldProblem.FieldError("body", "内容无效"));
        }
        return ResponseEntity.badRequest().body(domain(new FieldProblem(errors)).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new FieldProblem.FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        if (errors.isEmpty()) {
            errors.add(new FieldProblem.FieldError("request", "内容无效"));
        }
        return ResponseEntity.badRequest().body(domain(new FieldProblem(errors)).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = JsonPaths.fieldOf(ex);
        FieldProblem problem = field == null
                ? FieldProblem.of("body", "请求体不是有效的 JSON，或字段类型不正确")
                : FieldProblem.of(field, "取值无效或格式不正确");
        return ResponseEntity.badRequest().body(domain(problem).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setTitle(titleFor(statusCode.value()));
            problem.setDetail(titleFor(statusCode.value()));
            problem.setType(URI.create("about:blank"));
        }
        return response;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
