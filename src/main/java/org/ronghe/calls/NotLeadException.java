package org.ronghe.calls;

import org.springframework.security.access.AccessDeniedException;

/** Only the lead organ may accept, return, reply or ask for more time; answered with 403. */
public class NotLeadException extends AccessDeniedException {

    public NotLeadException(String message) {
        super(message);
    }
}
