package org.ronghe.platform.account;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Consecutive wrong passwords of one account and the lock they caused. A lock that has run out
 * starts the count afresh, so one more mistake after it does not lock the account again at once.
 */
public record SignInAttempts(int failures, OffsetDateTime lockedUntil) {

    static final SignInAttempts NONE = new SignInAttempts(0, null);

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public SignInAttempts afterFailure(OffsetDateTime now, int maxFailures, Duration lockout) {
        int count = (lockedUntil != null && !lockedUntil.isAfter(now)) ? 1 : failures + 1;
        if (count >= maxFailures) {
            return new SignInAttempts(count, now.plus(lockout));
        }
        return new SignInAttempts(count, lockedAt(now) ? lockedUntil : null);
    }
}
