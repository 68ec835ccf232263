package org.ronghe.platform.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.ronghe.platform.Accounts.PasswordSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a password must be changed before its owner may go on: at the first sign-in with a password
 * someone else chose, and when it is older than {@code ronghe.password.max-age} (90 days unless set;
 * {@code 0} turns ageing off). A password from the operator's configuration is usable at once, and the
 * API never refuses it for its age: it belongs to whoever runs the installation, and scripts use it.
 */
@Component
public class PasswordRules {

    public enum Reason {
        FIRST_SIGN_IN("首次登录须修改初始密码"),
        EXPIRED("密码已超过有效期，须修改后继续使用");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** The session attribute that holds the {@link Reason} while a signed-in person must change the password. */
    public static final String SESSION_ATTRIBUTE = "ronghe.passwordChangeRequired";

    private final JdbcAccounts accounts;
    private final Clock clock;
    private final Duration maxAge;

    PasswordRules(JdbcAccounts accounts, Clock clock, @Value("${ronghe.password.max-age:90d}") Duration maxAge) {
        this.accounts = accounts;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }

    /** Why the owner must change the password before using the pages, if they must. */
    public Optional<Reason> beforePages(String username) {
        return accounts.find(username).flatMap(a -> reason(a.passwordSource(), a.passwordChangedAt(), false));
    }

    /** Why no API token is issued until the password is changed, if so. */
    public Optional<Reason> beforeApi(String username) {
        return accounts.find(username).flatMap(a -> reason(a.passwordSource(), a.passwordChangedAt(), true));
    }

    Optional<Reason> reason(PasswordSource source, OffsetDateTime changedAt, boolean api) {
        if (source == PasswordSource.INITIAL) {
            return Optional.of(Reason.FIRST_SIGN_IN);
        }
        boolean ages = !maxAge.isZero() && !maxAge.isNegative() && !(api && source == PasswordSource.CONFIGURED);
        if (ages && !changedAt.plus(maxAge).isAfter(OffsetDateTime.now(clock))) {
            return Optional.of(Reason.EXPIRED);
        }
        return Optional.empty();
    }
}
