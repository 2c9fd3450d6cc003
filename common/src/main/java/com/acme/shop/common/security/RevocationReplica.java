package com.acme.shop.common.security;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * This JVM's copy of the Redis revocation state ({@code deny:{iss}:{jti}} and
 * {@code tva:{iss}:{sub}}, see {@link RevocationKeys}), so that a request can be checked
 * without a Redis round trip (issue 10). It is fed by {@link RevocationFeed} (Redis
 * keyspace notifications, a full resync after every (re)connect, a heartbeat) and answers
 * only what it knows for sure:
 * <ul>
 * <li>{@link Verdict#UNKNOWN} unless a resync has completed since the feed was last lost
 * and the feed answered a heartbeat within {@code aliveWindowNanos}: the caller then asks
 * Redis itself (one {@code MGET}; Redis down → 503, B13's fail closed);</li>
 * <li>{@link Verdict#UNKNOWN} for a token whose keys changed in Redis and whose new state
 * has not been read back yet ({@link #keyChanged}): between a logout's {@code SET} and
 * the replica's read of it, the token is checked in Redis;</li>
 * <li>otherwise {@link Verdict#REVOKED} or {@link Verdict#VALID}, by the same rule as the
 * Redis check ({@link RevocationCheckingJwtDecoder#isRevoked}).</li>
 * </ul>
 * No Redis and no Spring here: the feed calls the mutators, the decoder calls
 * {@link #check}. Thread-safe; {@link #check} takes no lock.
 */
final class RevocationReplica {

    /** What the replica can say about one token. */
    enum Verdict {

        /** Listed, or issued before the subject's "tokens valid after" instant. */
        REVOKED,
        /** Neither, and the replica is in sync. */
        VALID,
        /** Not in sync, or the token's keys are being read back: ask Redis. */
        UNKNOWN

    }

    private record Entry(String value, long expiresAtMillis) {
    }

    private final Clock clock;

    private final LongSupplier nanoTime;

    private final long aliveWindowNanos;

    private final Object lock = new Object();

    private volatile Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Keys changed in Redis whose new state is being read: key → change number. */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();

    private final AtomicLong changes = new AtomicLong();

    private volatile boolean inSync;

    private volatile long aliveUntilNanos;

    // guarded by lock
    private long resyncGeneration;

    private Map<String, Entry> resyncing;

    private Set<String> changedDuringResync;

    private long changesBeforeResync;

    RevocationReplica(Clock clock, LongSupplier nanoTime, long aliveWindowNanos) {
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.aliveWindowNanos = aliveWindowNanos;
    }

    /**
     * A replica on the system clocks, in sync for {@code aliveWindow} after each beat.
     */
    RevocationReplica(java.time.Duration aliveWindow) {
        this(Clock.systemUTC(), System::nanoTime, aliveWindow.toNanos());
    }

    /**
     * The verdict for a token whose keys are {@code denyKey} and {@code tvaKey}, issued
     * at {@code issuedAt}.
     */
    Verdict check(String denyKey, String tvaKey, Instant issuedAt) {
        if (!isInSync() || pending.containsKey(denyKey) || pending.containsKey(tvaKey)) {
            return Verdict.UNKNOWN;
        }
        long now = clock.millis();
        Map<String, Entry> current = entries;
        String denied = live(current.get(denyKey), now);
        String validAfter = live(current.get(tvaKey), now);
        return RevocationCheckingJwtDecoder.isRevoked(issuedAt, denied, validAfter) ? Verdict.REVOKED : Verdict.VALID;
    }

    /** Whether {@link #check} answers from memory (resynced and the feed alive). */
    boolean isInSync() {
        return inSync && nanoTime.getAsLong() - aliveUntilNanos < 0;
    }

    /** How many keys the replica holds (expired ones included until the next sweep). */
    int size() {
        return entries.size();
    }

    /**
     * Redis announced a change of {@code key}: until {@link #keyRead} brings its new
     * state (with the number returned here), tokens with this key are checked in Redis.
     */
    long keyChanged(String key) {
        long change = changes.incrementAndGet();
        pending.put(key, change);
        synchronized (lock) {
            if (changedDuringResync != null) {
                changedDuringResync.add(key);
            }
        }
        return change;
    }

    /**
     * The state of {@code key} read from Redis after change {@code change}: its value
     * ({@code null}: it no longer exists) and its remaining time to live in ms (Redis'
     * {@code PTTL}: −1 none, −2 gone).
     */
    void keyRead(String key, long change, String value, long pttlMillis) {
        synchronized (lock) {
            Entry entry = entry(value, pttlMillis);
            put(entries, key, entry);
            if (resyncing != null) {
                put(resyncing, key, entry);
            }
        }
        pending.remove(key, change);
    }

    /**
     * The state of {@code key} could not be read after change {@code change}: it stays
     * pending (checked in Redis), and the feed is treated as lost until the next resync.
     */
    void keyReadFailed(String key, long change) {
        feedLost();
    }

    /**
     * A full resync starts (the feed is subscribed again): returns its generation for
     * {@link #scanned} and {@link #resyncDone}.
     */
    long resyncStarted() {
        synchronized (lock) {
            resyncGeneration++;
            resyncing = new ConcurrentHashMap<>();
            changedDuringResync = new HashSet<>();
            changesBeforeResync = changes.get();
            return resyncGeneration;
        }
    }

    /**
     * A key found by the resync's scan. A key announced as changed since the resync
     * started keeps what its own read-back brings (the scan may have read it before the
     * change).
     */
    void scanned(long generation, String key, String value, long pttlMillis) {
        synchronized (lock) {
            if (generation != resyncGeneration || resyncing == null || changedDuringResync.contains(key)) {
                return;
            }
            put(resyncing, key, entry(value, pttlMillis));
        }
    }

    /**
     * The resync's scan is complete: the scanned state replaces the replica's (keys gone
     * from Redis are dropped), which is in sync from now on if no newer resync started
     * and the feed was not lost meanwhile.
     */
    void resyncDone(long generation) {
        synchronized (lock) {
            if (generation != resyncGeneration || resyncing == null) {
                return;
            }
            entries = resyncing;
            resyncing = null;
            changedDuringResync = null;
            // a change announced before the scan began was read by the scan, even if its
            // own read-back failed
            long covered = changesBeforeResync;
            pending.values().removeIf(change -> change <= covered);
            inSync = true;
        }
        feedAlive();
    }

    /** The feed answered a heartbeat: the replica stays in sync for the alive window. */
    void feedAlive() {
        aliveUntilNanos = nanoTime.getAsLong() + aliveWindowNanos;
    }

    /**
     * The feed's connection was lost (notifications may have been missed): out of sync
     * until the next {@link #resyncDone}.
     */
    void feedLost() {
        synchronized (lock) {
            inSync = false;
            resyncGeneration++;
            resyncing = null;
            changedDuringResync = null;
        }
    }

    /**
     * Drops the entries whose time to live has passed (memory only: they are not used).
     */
    void sweep() {
        long now = clock.millis();
        entries.values().removeIf(e -> e.expiresAtMillis() <= now);
    }

    private Entry entry(String value, long pttlMillis) {
        if (value == null || pttlMillis == -2) {
            return null;
        }
        long expiresAt = pttlMillis < 0 ? Long.MAX_VALUE : clock.millis() + pttlMillis;
        return new Entry(value, expiresAt);
    }

    private static void put(Map<String, Entry> map, String key, Entry entry) {
        if (entry == null) {
            map.remove(key);
        }
        else {
            map.put(key, entry);
        }
    }

    private static String live(Entry entry, long now) {
        return entry != null && entry.expiresAtMillis() > now ? entry.value() : null;
    }

}
