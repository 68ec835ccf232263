package org.ronghe.calls;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What another capability may read of calls it keeps track of (the emergency's residents' needs): the state, the
 * urgency, the category, the place and the deadlines, straight from the call, so nobody keeps a second copy of a
 * call's state. Many calls are read in one query.
 */
public interface CallFacts {

    Optional<Fact> fact(long callId);

    /** The facts of the calls that exist among {@code callIds}, by id. */
    Map<Long, Fact> facts(Collection<Long> callIds);

    /**
     * @param overdue waiting past the accept limit or the reply deadline now (as the call list's filter counts it)
     */
    record Fact(long id, String title, CallState state, Urgency urgency, String categoryCode, long communityId, Instant raisedAt,
                Instant acceptBy, Instant replyBy, Long leadOrganId, boolean overdue) {

        public boolean open() {
            return state.open();
        }
    }
}
