package org.ronghe.platform.web;

import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.DatabaseUnavailable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page whose data the database could not give (restarting, stopped) answers 503 with the error page
 * in the reader's language and a hint to try again, not a bare 500. The API gets the same as a problem
 * detail from {@link ApiProblems}, which is consulted first for the API's controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class OutagePages {

    private final LayoutAdvice layout;

    OutagePages(LayoutAdvice layout) {
        this.layout = layout;
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, CannotCreateTransactionException.class, SQLTransientConnectionException.class})
    ModelAndView databaseUnavailable(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        // The page frame's model, which advice methods do not add to an exception handler's view.
        Map<String, Object> model = new HashMap<>();
        model.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        model.put("me", layout.me());
        model.put("requestPath", layout.requestPath(request));
        model.put("fmt", layout.fmt());
        model.put("links", layout.links(request));
        return new ModelAndView("error", model, HttpStatus.SERVICE_UNAVAILABLE);
    }
}
