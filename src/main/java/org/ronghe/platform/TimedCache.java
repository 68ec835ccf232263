package org.ronghe.platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reference data that changes rarely (organs, categories, time limits, a person's scope), kept for
 * a short time so that each step of the work does not read it again. A change made on this node
 * clears it at once; other nodes see it within the time to live.
 */
public final class TimedCache<K, V> {

    // Keys are few (organs, categories, signed-in people); the bound only guards against an unforeseen many.
    private static final int MAX_ENTRIES = 50_000;

    private final long ttlNanos;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public TimedCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loaded() < ttlNanos) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now));
        return value;
    }

    public void clear() {
        entries.clear();
    }

    private record Entry<V>(V value, long loaded) {
    }
}
