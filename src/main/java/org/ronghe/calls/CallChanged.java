package org.ronghe.calls;

/**
 * Published after every change of a call, once per event, for other modules (visits follow a
 * problem heard on a visit back to its household when the call closes).
 */
public record CallChanged(long callId, CallEvent.Type type, CallState state, Origin origin, Boolean solved) {
}
