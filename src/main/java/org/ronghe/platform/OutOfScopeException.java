package org.ronghe.platform;

import org.springframework.security.access.AccessDeniedException;

/** A record that exists but lies outside the caller's data scope; answered with 403. */
public class OutOfScopeException extends AccessDeniedException {

    public OutOfScopeException(String what, String key) {
        super(what + "不在您的数据范围内：" + key);
    }
}
