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

    Open311Exception(HttpStatus status, List<Error> errors) {
        super(errors.isEmpty() ? status.getReasonPhrase() : errors.get(0).description());
        this.status = status;
        this.errors = List.copyOf(errors);
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
