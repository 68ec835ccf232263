package org.ronghe.calls;

import java.time.Instant;
import java.util.List;

/**
 * The demo district's past, for other modules' demo data: calls raised at moments in the past, played out
 * until now by the real lifecycle (dispatch, accept, reply, rating, reopening, the timers) and stored.
 */
public interface CallHistory {

    /** @return each call's outcome, in the order given */
    List<Outcome> playOut(List<PastCall> calls);

    record PastCall(Instant raisedAt, long communityId, String category, String title, String description, Origin origin, String raiser,
                    String address, String contactName, String contactPhone) {
    }

    record Outcome(long callId, CallState state, Boolean solved, Instant closedAt) {
    }
}
