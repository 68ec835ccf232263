package org.ronghe.calls;

import java.util.Map;

import org.ronghe.platform.ConflictException;

/** Someone else changed the record first; answered with 409, nothing written. */
public class ConcurrentChangeException extends ConflictException {

    public ConcurrentChangeException(String what, Object id) {
        super(what + " " + id + " 已被他人先行处理，请刷新后重试", Map.of());
    }
}
