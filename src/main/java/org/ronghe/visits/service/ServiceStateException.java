package org.ronghe.visits.service;

import java.util.Map;

import org.ronghe.platform.ConflictException;

/** A step the record's current state does not allow; answered with 409 naming the state. */
public class ServiceStateException extends ConflictException {

    public ServiceStateException(String what, String stateLabel, String state, String attempted) {
        super(what + "当前状态为「" + stateLabel + "」，不能" + attempted, Map.of("state", state));
    }
}
