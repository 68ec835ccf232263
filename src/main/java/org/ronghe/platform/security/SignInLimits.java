package org.ronghe.platform.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.ronghe.platform.RateLimit;
import org.ronghe.platform.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-in attempts (form, token, password change) per client address and per username, before any
 * password is checked: slows guessing across many accounts, which the lockout of one account does not.
 */
@Component
class SignInLimits {

    private final RateLimits limits;
    private final RateLimit perAddress;
    private final RateLimit perUsername;

    SignInLimits(RateLimits limits,
                 @Value("${ronghe.rate-limits.login-per-address:60/1m}") String perAddress,
                 @Value("${ronghe.rate-limits.login-per-username:10/5m}") String perUsername) {
        this.limits = limits;
        this.perAddress = RateLimit.parse("login-per-address", perAddress);
        this.perUsername = RateLimit.parse("login-per-username", perUsername);
    }

    void check(String username) {
        var byAddress = limits.take(perAddress, clientAddress());
        if (!byAddress.allowed()) {
            throw new SignInThrottledException(byAddress.retryAfter());
        }
        var byUsername = limits.take(perUsername, username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
        if (!byUsername.allowed()) {
            throw new SignInThrottledException(byUsername.retryAfter());
        }
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "";
    }
}
