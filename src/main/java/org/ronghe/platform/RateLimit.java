package org.ronghe.platform;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/**
 * A limit of so many requests per period, per key (a username, an address, an api_key), as a token
 * bucket: it holds up to {@code requests} tokens and refills evenly over {@code per}, so a burst of
 * the full allowance passes and then one request per {@code per / requests}.
 *
 * @param name what is limited, e.g. {@code login-per-address}; each name has buckets of its own
 */
public record RateLimit(String name, int requests, Duration per) {

    public RateLimit {
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("rate limit " + name + ": needs at least 1 request per a positive period");
        }
    }

    /** @param spec {@code requests/period}, e.g. {@code 10/5m} or {@code 60/1m} */
    public static RateLimit parse(String name, String spec) {
        int slash = spec.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("rate limit " + name + " must read requests/period, e.g. 10/5m: " + spec);
        }
        return new RateLimit(name, Integer.parseInt(spec.substring(0, slash).strip()),
                DurationStyle.detectAndParse(spec.substring(slash + 1).strip()));
    }

    /** Tokens added per second. */
    double refillPerSecond() {
        return requests / (per.toNanos() / 1e9);
    }
}
