package org.ronghe.platform.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many sign-in attempts for one username or from one address: answered 429 with {@code Retry-After}. */
public class SignInThrottledException extends AuthenticationException {

    /** The request attribute that carries the seconds to wait to the sign-in page it is forwarded to. */
    public static final String REQUEST_ATTRIBUTE = "ronghe.signInThrottledSeconds";

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("登录尝试过于频繁，请 " + retryAfter.toSeconds() + " 秒后再试");
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return retryAfter.toSeconds();
    }
}
