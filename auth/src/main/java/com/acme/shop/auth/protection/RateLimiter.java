package com.acme.shop.auth.protection;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Fixed-window limiter per client address, counted atomically in Redis: {@link #reserve}
 * takes one of the window's {@code limit} slots in a single script (count and check
 * together, so a concurrent burst cannot overshoot), before any expensive work. A caller
 * that only wants failures counted gives the slot back on success with {@link #giveBack}.
 * A refused attempt does not take a slot.
 */
public class RateLimiter {

    private static final RedisScript<Long> RESERVE = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2])) end
            if n > tonumber(ARGV[1]) then
              redis.call('DECR', KEYS[1])
              return 0
            end
            return 1
            """, Long.class);

    private static final RedisScript<Long> GIVE_BACK = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
              return redis.call('DECR', KEYS[1])
            end
            return 0
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;

    private final String prefix;

    private final int limit;

    private final Duration window;

    private final Clock clock;

    /**
     * {@code prefix}: the Redis key prefix naming what is limited, e.g.
     * {@code auth:rl:login:}.
     */
    public RateLimiter(ReactiveStringRedisTemplate redis, String prefix, int limit, Duration window, Clock clock) {
        if (limit < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("A rate limit needs a limit >= 1 and a window >= 1 ms");
        }
        this.redis = redis;
        this.prefix = prefix;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Takes a slot of the client's current window, or tells how long until the window
     * ends.
     */
    public Mono<Reservation> reserve(String client) {
        long windowMillis = window.toMillis();
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        String key = prefix + client + ":" + start;
        long retryAfterSeconds = Math.max(1, (start + windowMillis - now + 999) / 1000);
        return redis
            .execute(RESERVE, List.of(key), List.of(Integer.toString(limit), Long.toString(windowMillis + 1000)))
            .next()
            .map(allowed -> new Reservation(key, allowed == 1L, retryAfterSeconds));
    }

    /**
     * Returns a slot taken by {@link #reserve} (e.g. the login succeeded); nothing if the
     * window has ended.
     */
    public Mono<Void> giveBack(Reservation reservation) {
        if (!reservation.allowed()) {
            return Mono.empty();
        }
        return redis.execute(GIVE_BACK, List.of(reservation.key()), List.of()).then();
    }

    /**
     * The outcome of {@link #reserve}; {@code retryAfterSeconds} (>= 1) matters when not
     * allowed.
     */
    public record Reservation(String key, boolean allowed, long retryAfterSeconds) {
    }

}
