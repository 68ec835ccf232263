package org.ronghe.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets kept in the database (table {@code rate_bucket}), so a limit holds across every node
 * sharing it. Each take locks its one bucket row for a moment in a transaction of its own; keys are
 * stored only as SHA-256 hashes. Buckets untouched for a day are removed now and then (a full bucket
 * and no bucket are the same).
 */
@Component
public class RateLimits {

    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final int SWEEP_EVERY = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final AtomicLong created = new AtomicLong();

    RateLimits(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Takes one token from the key's bucket, or says how long until one is there. */
    public Decision take(RateLimit limit, String key) {
        String bucket = bucket(limit, key == null ? "" : key);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return ownTransaction.execute(status -> take(limit, bucket, now));
    }

    private Decision take(RateLimit limit, String bucket, OffsetDateTime now) {
        for (int attempt = 0; attempt < 2; attempt++) {
            var row = jdbc.sql("SELECT tokens, refreshed_at FROM rate_bucket WHERE bucket = :b FOR UPDATE").param("b", bucket)
                    .query((rs, n) -> new Bucket(rs.getDouble(1), rs.getObject(2, OffsetDateTime.class))).optional();
            if (row.isEmpty()) {
                int inserted = jdbc.sql("""
                                INSERT INTO rate_bucket (bucket, tokens, refreshed_at) VALUES (:b, :t, :now)
                                ON CONFLICT DO NOTHING""")
                        .param("b", bucket).param("t", limit.requests() - 1.0).param("now", now).update();
                if (inserted == 1) {
                    if (created.incrementAndGet() % SWEEP_EVERY == 0) {
                        jdbc.sql("DELETE FROM rate_bucket WHERE refreshed_at < :before")
                                .param("before", now.minus(FORGET_AFTER)).update();
                    }
                    return Decision.ALLOWED;
                }
                continue; // another node created it meanwhile: take from it
            }
            double elapsed = Math.max(0, Duration.between(row.get().refreshedAt(), now).toNanos() / 1e9);
            double tokens = Math.min(limit.requests(), row.get().tokens() + elapsed * limit.refillPerSecond());
            Decision decision;
            if (tokens >= 1) {
                tokens -= 1;
                decision = Decision.ALLOWED;
            } else {
                long wait = (long) Math.ceil((1 - tokens) / limit.refillPerSecond());
                decision = new Decision(false, Duration.ofSeconds(Math.max(1, wait)));
            }
            jdbc.sql("UPDATE rate_bucket SET tokens = :t, refreshed_at = :now WHERE bucket = :b")
                    .param("t", tokens).param("now", now).param("b", bucket).update();
            return decision;
        }
        throw new IllegalStateException("rate bucket " + limit.name() + " could be neither read nor created");
    }

    private static String bucket(RateLimit limit, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((limit.name() + "\u0000" + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Bucket(double tokens, OffsetDateTime refreshedAt) {
    }

    /** @param retryAfter how long until the next request would pass (whole seconds, at least one); zero when allowed */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        public long retryAfterSeconds() {
            return retryAfter.toSeconds();
        }
    }
}
