package org.ronghe.calls;

/**
 * How another capability routes a call it has a better answer for than the dispatcher queue (the emergency sends
 * a resident's need to the organ of the team in the community). It is the command centre's dispatch, made by the
 * system, in the caller's transaction, with the deadlines of the call's category and urgency.
 */
public interface CallRouting {

    /**
     * Dispatches the call to the organ if it still waits in the dispatcher queue (raised or returned); a call that has
     * left the queue (routed by its category, dispatched by someone) is left as it is.
     *
     * @param actor who the dispatch is recorded under (the call's timeline and the audit log)
     * @return whether the call was dispatched
     */
    boolean dispatchQueued(long callId, long organId, String actor);
}
