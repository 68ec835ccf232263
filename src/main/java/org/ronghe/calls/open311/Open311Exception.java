package org.ronghe.calls.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request Open311 refuses, answered with the specification's error list: 400 for bad input, 403
 * for a missing or invalid api_key, 404 for what does not exist.
 */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<Error> errors;
    private final Long retryAfterSeconds;

    Open311Exception(HttpStatus status, List<Error> errors) {
        this(status, errors, null);
    }

    private Open311Exception(HttpStatus status, List<Error> errors, Long retryAfterSeconds) {
        super(errors.isEmpty() ? status.getReasonPhrase() : errors.get(0).description());
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: the client or its address sent more requests than its limit; {@code Retry-After} says when to come back. */
    static Open311Exception tooManyRequests(long retryAfterSeconds) {
        return new Open311Exception(HttpStatus.TOO_MANY_REQUESTS, List.of(new Error(429,
                "提交过于频繁，请 " + retryAfterSeconds + " 秒后再试")), retryAfterSeconds);
    }

    /** Seconds to wait before retrying, for 429; otherwise {@code null}. */
    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static Open311Exception badRequest(String description) {
        return of(HttpStatus.BAD_REQUEST, description);
    }

    static Open311Exception forbidden(String description) {
        return of(HttpStatus.FORBIDDEN, description);
    }

    static Open311Exception notFound(String description) {
        return of(HttpStatus.NOT_FOUND, description);
    }

    private static Open311Exception of(HttpStatus status, String description) {
        return new Open311Exception(status, List.of(new Error(status.value(), description)));
    }

    HttpStatus status() {
        return status;
    }

    List<Error> errors() {
        return errors;
    }

    /** One entry of the error list: a code (here the HTTP status) and a description for the user. */
    record Error(int code, String description) {
    }
}
