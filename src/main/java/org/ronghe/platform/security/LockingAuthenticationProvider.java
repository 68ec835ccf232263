package org.ronghe.platform.security;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.ronghe.platform.account.JdbcAccounts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in for pages and API tokens alike: counts wrong passwords, locks the account after
 * the configured number, and writes every attempt to the audit log.
 */
class LockingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final JdbcAccounts accounts;
    private final SecurityProperties properties;
    private final SignInLimits limits;

    LockingAuthenticationProvider(JdbcAccounts accounts, PasswordEncoder encoder, SecurityProperties properties, Clock clock,
                                  SignInLimits limits) {
        this.accounts = accounts;
        this.properties = properties;
        this.limits = limits;
        this.passwords = new DaoAuthenticationProvider(username -> accounts.find(username)
                .map(a -> new AccountPrincipal(a.user(), a.passwordHash(), a.enabled(),
                        a.attempts().lockedAt(OffsetDateTime.now(clock))))
                .orElseThrow(() -> new UsernameNotFoundException(username)));
        this.passwords.setPasswordEncoder(encoder);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        limits.check(username);
        try {
            Authentication result = passwords.authenticate(authentication);
            accounts.recordSuccess(username);
            return result;
        } catch (BadCredentialsException e) {
            var attempts = accounts.recordFailure(username, properties.maxFailures(), properties.lockout());
            if (attempts.lockedUntil() != null && attempts.failures() >= properties.maxFailures()) {
                throw new LockedException("账户已锁定", e);
            }
            throw e;
        } catch (LockedException e) {
            // A locked account stays locked for the set time from the lock; attempts meanwhile do not extend it.
            accounts.recordLockedAttempt(username);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
