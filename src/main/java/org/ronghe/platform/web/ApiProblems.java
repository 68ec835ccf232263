package org.ronghe.platform.web;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import org.ronghe.platform.ConflictException;
import org.ronghe.platform.DatabaseUnavailable;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.security.PasswordChangeRequiredException;
import org.ronghe.platform.security.SignInThrottledException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error is an RFC 9457 problem detail with a stable type URI and a Chinese explanation. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://ronghe.org/problems/";
    static final String UNAVAILABLE_TITLE = "服务暂时不可用";
    static final String UNAVAILABLE_DETAIL = "数据库暂时无法连接，请稍后重试；已确认的数据不会丢失";

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "记录不存在", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "无权访问", e.getMessage());
    }

    @ExceptionHandler(LockedException.class)
    ProblemDetail locked(LockedException e) {
        return problem(HttpStatus.UNAUTHORIZED, "account-locked", "账户已锁定",
                "连续多次密码错误，账户已锁定，请 10 分钟后再试");
    }

    @ExceptionHandler(SignInThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottledException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "请求过于频繁", e.getMessage()));
    }

    @ExceptionHandler(PasswordChangeRequiredException.class)
    ProblemDetail passwordChangeRequired(PasswordChangeRequiredException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "password-change-required", "须先修改密码", e.getMessage());
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        if (DatabaseUnavailable.causes(e)) {
            // The account could not be read: the password may well be right, so not 401.
            return unavailable();
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(problem(HttpStatus.UNAUTHORIZED, "bad-credentials", "认证失败", "用户名或密码错误"));
    }

    /**
     * The database cannot be reached (restarting, stopped, no connection within the pool's timeout):
     * 503 with Retry-After, so clients retry; a lost race ({@code ConcurrencyFailureException}) is not one.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, CannotCreateTransactionException.class, SQLTransientConnectionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        return unavailable();
    }

    static ResponseEntity<ProblemDetail> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", UNAVAILABLE_TITLE, UNAVAILABLE_DETAIL));
    }

    @ExceptionHandler(RejectedInputException.class)
    ProblemDetail rejected(RejectedInputException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, e.type(), e.title(), e.getMessage());
        problem.setProperty("errors", e.errors());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", "与当前状态冲突", e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "请求无效", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求参数有误", "请检查标出的字段");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Spring MVC's own refusals (unreadable body, wrong parameter type, wrong method …), explained in Chinese. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null && statusCode.is4xxClientError() && answer.getBody() instanceof ProblemDetail problem) {
            RequestProblems.explain(ex, problem);
        }
        return answer;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
