package org.ronghe.platform.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.ronghe.platform.Accounts;
import org.ronghe.platform.Accounts.PasswordSource;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PasswordPolicy;
import org.ronghe.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class JdbcAccounts implements Accounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Audit audit;

    JdbcAccounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, Audit audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    @Transactional
    public boolean createIfAbsent(NewAccount account) {
        if (exists(account.username())) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO account (username, display_name, password_hash, role, scope_code, demo, created_at,
                                     password_changed_at, password_source)
                VALUES (:username, :displayName, :hash, :role, :scope, :demo, :now, :now, :source)""")
                .param("username", account.username())
                .param("displayName", account.displayName())
                .param("hash", encoder.encode(account.rawPassword()))
                .param("role", account.role().name())
                .param("scope", account.scopeCode())
                .param("demo", account.demo())
                .param("now", now)
                .param("source", account.passwordSource().name())
                .update();
        audit.record(Audit.Entry.change("ACCOUNT_CREATED", "account", account.username(), null,
                java.util.Map.of("role", account.role().name(), "scope", String.valueOf(account.scopeCode()))));
        return true;
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    @Override
    public Optional<CurrentUser> byUsername(String username) {
        return find(username).map(AccountRecord::user);
    }

    public Optional<AccountRecord> find(String username) {
        return jdbc.sql("""
                SELECT id, username, display_name, role, scope_code, password_hash, enabled, failed_attempts, locked_until,
                       password_source, password_changed_at
                FROM account WHERE username = :u""")
                .param("u", username)
                .query((rs, n) -> new AccountRecord(
                        new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                                Role.valueOf(rs.getString("role")), rs.getString("scope_code")),
                        rs.getString("password_hash"), rs.getBoolean("enabled"),
                        new SignInAttempts(rs.getInt("failed_attempts"), rs.getObject("locked_until", OffsetDateTime.class)),
                        PasswordSource.valueOf(rs.getString("password_source")),
                        rs.getObject("password_changed_at", OffsetDateTime.class)))
                .optional();
    }

    /** Counts a wrong password; the fifth in a row locks the account. */
    @Transactional
    public SignInAttempts recordFailure(String username, int maxFailures, Duration lockout) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<SignInAttempts> current = jdbc.sql("SELECT failed_attempts, locked_until FROM account WHERE username = :u FOR UPDATE")
                .param("u", username)
                .query((rs, n) -> new SignInAttempts(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)))
                .optional();
        audit.recordAs(username, Audit.Entry.of("LOGIN_FAILED", "account", username));
        if (current.isEmpty()) {
            return SignInAttempts.NONE;
        }
        SignInAttempts next = current.get().afterFailure(now, maxFailures, lockout);
        jdbc.sql("UPDATE account SET failed_attempts = :f, locked_until = :l WHERE username = :u")
                .param("f", next.failures()).param("l", next.lockedUntil()).param("u", username).update();
        if (next.lockedAt(now) && !current.get().lockedAt(now)) {
            audit.recordAs(username, Audit.Entry.change("ACCOUNT_LOCKED", "account", username, null,
                    java.util.Map.of("lockedUntil", next.lockedUntil().toString())));
        }
        return next;
    }

    public void recordLockedAttempt(String username) {
        audit.recordAs(username, Audit.Entry.of("LOGIN_REFUSED_LOCKED", "account", username));
    }

    @Transactional
    public void recordSuccess(String username) {
        jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE username = :u")
                .param("u", username).update();
        audit.recordAs(username, Audit.Entry.of("LOGIN_SUCCEEDED", "account", username));
    }

    /** The owner chose a new password: it counts as their own from now on. */
    @Transactional
    public void changePassword(String username, String rawPassword) {
        store(username, rawPassword, PasswordSource.OWN);
        audit.recordAs(username, Audit.Entry.of("PASSWORD_CHANGED", "account", username));
    }

    /** An administrator set a password for the owner, who must change it at the next sign-in. */
    @Transactional
    public void resetPassword(String username, String rawPassword) {
        store(username, rawPassword, PasswordSource.INITIAL);
        audit.record(Audit.Entry.of("PASSWORD_RESET", "account", username));
    }

    private void store(String username, String rawPassword, PasswordSource source) {
        if (!PasswordPolicy.accepts(rawPassword)) {
            throw new IllegalArgumentException(String.join("；", PasswordPolicy.violations(rawPassword)));
        }
        jdbc.sql("UPDATE account SET password_hash = :h, password_changed_at = :now, password_source = :s WHERE username = :u")
                .param("h", encoder.encode(rawPassword)).param("now", OffsetDateTime.now(clock)).param("s", source.name())
                .param("u", username).update();
    }

    public boolean matches(String username, String rawPassword) {
        return find(username).map(a -> encoder.matches(rawPassword, a.passwordHash())).orElse(false);
    }

    public record AccountRecord(CurrentUser user, String passwordHash, boolean enabled, SignInAttempts attempts,
                                PasswordSource passwordSource, OffsetDateTime passwordChangedAt) {
    }
}
