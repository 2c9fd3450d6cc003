package com.acme.shop.auth.login;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Fixed-window limiter of failed login attempts per client IP (B14), whatever the e-mail (known or
 * not): once {@code limit} failures fall into the current window, every attempt from that IP gets 429
 * with {@code Retry-After} until the window ends. Successful logins are not counted, so many users
 * behind one address (or a test suite) are not locked out by their own successes.
 */
class IpRateLimiter {

    private static final RedisScript<Long> HIT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1])) end
            return n
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    IpRateLimiter(ReactiveStringRedisTemplate redis, int limit, Duration window, Clock clock) {
        this.redis = redis;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Emits 0 when the IP may attempt a login, else the seconds until its window ends. */
    Mono<Long> check(String ip) {
        Window current = window();
        return redis.opsForValue().get(key(ip, current))
                .map(Long::parseLong)
                .defaultIfEmpty(0L)
                .map(count -> count >= limit ? current.retryAfterSeconds() : 0L);
    }

    /** Counts one failed attempt of the IP in the current window. */
    Mono<Long> recordFailure(String ip) {
        Window current = window();
        return redis.execute(HIT, List.of(key(ip, current)), List.of(Long.toString(window.toMillis() + 1000)))
                .next();
    }

    private Window window() {
        long windowMillis = window.toMillis();
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        return new Window(start, Math.max(1, (start + windowMillis - now + 999) / 1000));
    }

    private static String key(String ip, Window window) {
        return "auth:rl:login:" + ip + ":" + window.start();
    }

    private record Window(long start, long retryAfterSeconds) {
    }
}
