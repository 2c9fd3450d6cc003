package com.acme.shop.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.acme.shop.auth.login.ThrottlePolicy.FailureState;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Consecutive login failures per account in Redis: {@code auth:lf:{sha256(email)}} = {count, last (epoch ms)}.
 * Keyed by the normalized e-mail, so unknown e-mails are throttled exactly like known ones.
 */
class LoginThrottle {

    private static final RedisScript<Long> RECORD_FAILURE = RedisScript.of("""
            local n = redis.call('HINCRBY', KEYS[1], 'count', 1)
            local max = tonumber(ARGV[2])
            if n > max then n = max; redis.call('HSET', KEYS[1], 'count', max) end
            redis.call('HSET', KEYS[1], 'last', ARGV[1])
            if n >= max then redis.call('PERSIST', KEYS[1]) else redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3])) end
            return n
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final ThrottlePolicy policy;
    private final LoginProperties properties;
    private final Clock clock;

    LoginThrottle(ReactiveStringRedisTemplate redis, ThrottlePolicy policy, LoginProperties properties, Clock clock) {
        this.redis = redis;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<FailureState> state(String email) {
        return redis.<String, String>opsForHash().multiGet(key(email), List.of("count", "last"))
                .map(values -> values.get(0) == null ? FailureState.NONE
                        : new FailureState(Integer.parseInt(values.get(0)),
                                values.get(1) == null ? null : Instant.ofEpochMilli(Long.parseLong(values.get(1)))))
                .defaultIfEmpty(FailureState.NONE);
    }

    Mono<Boolean> allowsAttempt(String email) {
        return state(email).map(policy::allowsAttempt);
    }

    Mono<Long> recordFailure(String email) {
        return redis.execute(RECORD_FAILURE, List.of(key(email)),
                        List.of(Long.toString(clock.millis()), Integer.toString(policy.maxFailures()),
                                Long.toString(Math.max(1, properties.failureMemory().toSeconds()))))
                .next();
    }

    /** After a successful login, or by an administrator / password reset. */
    Mono<Void> reset(String email) {
        return redis.delete(key(email)).then();
    }

    static String key(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return "auth:lf:" + HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
