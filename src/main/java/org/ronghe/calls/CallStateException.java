package org.ronghe.calls;

import java.util.Map;

import org.ronghe.platform.ConflictException;

/** A transition the call's current state does not allow; answered with 409 naming the state. */
public class CallStateException extends ConflictException {

    private final CallState current;

    public CallStateException(CallState current, String attempted) {
        super("诉求当前状态为「" + current.label() + "」，不能" + attempted, Map.of("state", current.name()));
        this.current = current;
    }

    public CallStateException(CallState current, String attempted, String why) {
        super("诉求当前状态为「" + current.label() + "」，不能" + attempted + "：" + why, Map.of("state", current.name()));
        this.current = current;
    }

    public CallState current() {
        return current;
    }
}
