package org.ronghe.calls.timers;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a persisted timer carries. A timer belongs to one generation of its call's deadlines: when
 * the call has moved on (accepted, replied, extended, re-dispatched) the timer finds a newer
 * generation and does nothing, so timers never need cancelling.
 *
 * @param subject call or directive id
 * @param organ   the organ a check-in timer waits for
 * @param due     when it was due (check-in timers compare it with the organ's current limit)
 */
public record TimerData(Kind kind, long subject, int generation, Long organ, Instant due) implements Serializable {

    public String instanceId() {
        return kind.name().toLowerCase() + "-" + subject + "-" + generation + (organ == null ? "" : "-" + organ)
                + (kind == Kind.CHECK_IN ? "-" + due.getEpochSecond() : "");
    }

    public enum Kind {
        ACCEPT_DUE, URGE, ESCALATE, ESCALATE_AGAIN, AUTO_CLOSE, CHECK_IN, DIRECTIVE_URGE, DIRECTIVE_DUE
    }
}
