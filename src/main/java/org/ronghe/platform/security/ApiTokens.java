package org.ronghe.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.ronghe.platform.account.JdbcAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bearer tokens for the JSON API. Only a hash of each token is stored, so a copy of the database
 * does not let anyone call the API.
 */
@Repository
class ApiTokens {

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final JdbcAccounts accounts;
    private final Clock clock;
    private final SecurityProperties properties;

    ApiTokens(JdbcClient jdbc, JdbcAccounts accounts, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.properties = properties;
    }

    IssuedToken issue(long accountId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(properties.tokenLifetime());
        jdbc.sql("INSERT INTO api_token (token_hash, account_id, created_at, expires_at) VALUES (:h, :a, :c, :e)")
                .param("h", hash(token)).param("a", accountId).param("c", now).param("e", expires).update();
        return new IssuedToken(token, expires);
    }

    /** The account behind a valid, unexpired token of an enabled, unlocked account. */
    Optional<AccountPrincipal> resolve(String token) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("SELECT account_id FROM api_token WHERE token_hash = :h AND expires_at > :now")
                .param("h", hash(token)).param("now", now)
                .query(Long.class).optional()
                .flatMap(accounts::findById)
                .filter(a -> a.enabled() && !a.attempts().lockedAt(now))
                .map(a -> new AccountPrincipal(a.user(), null, true, false));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record IssuedToken(String token, OffsetDateTime expiresAt) {
    }
}
