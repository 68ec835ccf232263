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

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
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
    private final Clock clock;
    private final SecurityProperties properties;

    ApiTokens(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
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
        return jdbc.sql("""
                        SELECT a.id, a.username, a.display_name, a.role, a.scope_code FROM api_token t
                        JOIN account a ON a.id = t.account_id
                        WHERE t.token_hash = :h AND t.expires_at > :now AND a.enabled
                          AND (a.locked_until IS NULL OR a.locked_until <= :now)""")
                .param("h", hash(token)).param("now", now)
                .query((rs, n) -> new AccountPrincipal(new CurrentUser(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getString(5)), null, true, false))
                .optional();
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
