package org.ronghe.calls;

/**
 * How another capability raises a call for a problem it has heard (a visit): the call is routed like any
 * other and joins the caller's transaction, so when the caller fails no call is left behind.
 */
public interface CallIntake {

    /** @return the call raised and the state routing left it in (dispatched, or waiting in the queue) */
    Raised raise(Problem problem);

    record Raised(long callId, CallState state) {
    }

    /**
     * @param actor the person who heard the problem: the call's raiser
     * @param contactName the person concerned (the head of the household), reached through the call's contact
     * @param urgency NORMAL unless given (a resident's need in an emergency is EMERGENCY)
     * @param idempotencyKey the same key from the same actor raises the call once (optional)
     */
    record Problem(String actor, String title, String description, String category, Origin origin, long communityId,
                   Long gridId, String address, String contactName, String contactPhone, Urgency urgency, String idempotencyKey) {

        /** A problem heard on a visit or a meeting's decision: a normal call, raised once per transaction. */
        public Problem(String actor, String title, String description, String category, Origin origin, long communityId,
                       Long gridId, String address, String contactName, String contactPhone) {
            this(actor, title, description, category, origin, communityId, gridId, address, contactName, contactPhone, null, null);
        }
    }
}
