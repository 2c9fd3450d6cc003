package com.acme.shop.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.acme.shop.auth.login.ThrottlePolicy.FailureState;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Consecutive login failures per account in Redis: {@code auth:lf:{sha256(email)}} =
 * {count, next (epoch ms of the next allowed attempt), busy (attempts in flight),
 * busyUntil (lease of those)}. Keyed by the normalized e-mail, so unknown e-mails are
 * throttled exactly like known ones.
 *
 * <p>
 * A login reserves its attempt before bcrypt in one script ({@link #reserve}): if the
 * account's delay has not passed the attempt is refused; otherwise it is counted as a
 * failure up front (pessimistic counting) and the delay that follows that count is set at
 * once. A success clears the state ({@link #reset}); a failure ({@link #failed}) restarts
 * the delay from its end. So of a concurrent burst at most {@code failuresBeforeDelay}
 * attempts reach bcrypt, then one per elapsed delay. The state expires
 * ({@code failureMemory}, never shorter than the pending delay): no permanent lock.
 */
class LoginThrottle {

    /**
     * How long an in-flight attempt marks the account busy at most (a crashed instance
     * never releases it).
     */
    static final Duration LEASE = Duration.ofSeconds(30);

    private static final String COMMON = """
            local now = tonumber(ARGV[1])
            local threshold = tonumber(ARGV[2])
            local base = tonumber(ARGV[3])
            local max = tonumber(ARGV[4])
            local cap = tonumber(ARGV[5])
            local ttl = tonumber(ARGV[6])
            local lease = tonumber(ARGV[7])
            local function delay(count)
              if count < threshold then return 0 end
              local d = count - threshold
              if d >= 40 then return max end
              return math.min(max, base * (2 ^ d))
            end
            local function int(x) return string.format('%.0f', x) end
            local s = redis.call('HMGET', KEYS[1], 'count', 'next', 'busy', 'busyUntil')
            local count = tonumber(s[1]) or 0
            local nxt = tonumber(s[2]) or 0
            local busy = tonumber(s[3]) or 0
            if (tonumber(s[4]) or 0) <= now then busy = 0 end
            """;

    /**
     * 0 = allowed (and counted); > 0 = refused while another attempt is in flight; < 0 =
     * refused; |n| = ms to wait.
     */
    private static final RedisScript<Long> RESERVE = RedisScript.of(
            COMMON + """
                    if now < nxt then
                      if busy > 0 then return nxt - now end
                      return now - nxt
                    end
                    count = math.min(count + 1, cap)
                    local d = delay(count)
                    redis.call('HSET', KEYS[1], 'count', count, 'next', int(now + d), 'busy', busy + 1, 'busyUntil', int(now + lease))
                    redis.call('PEXPIRE', KEYS[1], int(math.max(ttl, d + lease)))
                    return 0
                    """,
            Long.class);

    /** A reserved attempt failed: it stays counted, the delay restarts from now. */
    private static final RedisScript<Long> FAILED = RedisScript.of(COMMON + """
            if s[1] == false then return 0 end
            nxt = math.max(nxt, now + delay(count))
            redis.call('HSET', KEYS[1], 'next', int(nxt), 'busy', math.max(0, busy - 1))
            redis.call('PEXPIRE', KEYS[1], int(math.max(ttl, nxt - now + lease)))
            return count
            """, Long.class);

    /**
     * A reserved attempt checked nothing (error, cancel, bulkhead full): it is given
     * back.
     */
    private static final RedisScript<Long> RELEASE = RedisScript.of(COMMON + """
            if s[1] == false then return 0 end
            redis.call('HSET', KEYS[1], 'count', math.max(0, count - 1), 'busy', math.max(0, busy - 1))
            return count
            """, Long.class);

    /**
     * A failure counted without a reservation (password change checks the current
     * password this way).
     */
    private static final RedisScript<Long> RECORD_FAILURE = RedisScript.of(COMMON + """
            count = math.min(count + 1, cap)
            nxt = math.max(nxt, now + delay(count))
            redis.call('HSET', KEYS[1], 'count', count, 'next', int(nxt))
            redis.call('PEXPIRE', KEYS[1], int(math.max(ttl, nxt - now + lease)))
            return count
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

    /** Reserves one attempt for the account (before bcrypt); see the class comment. */
    Mono<Attempt> reserve(String email) {
        return run(RESERVE, email).map(result -> result == 0 ? Attempt.ALLOWED
                : new Attempt(false, result > 0, Math.max(1, (Math.abs(result) + 999) / 1000)));
    }

    /**
     * Ends a reserved attempt whose password was wrong (or whose account is disabled).
     */
    Mono<Void> failed(String email) {
        return run(FAILED, email).then();
    }

    /** Ends a reserved attempt that checked no password, giving its count back. */
    Mono<Void> release(String email) {
        return run(RELEASE, email).then();
    }

    Mono<FailureState> state(String email) {
        return redis.<String, String>opsForHash()
            .multiGet(key(email), List.of("count", "next"))
            .map(values -> values.get(0) == null ? FailureState.NONE
                    : new FailureState(Integer.parseInt(values.get(0)),
                            values.get(1) == null ? null : Instant.ofEpochMilli(Long.parseLong(values.get(1)))))
            .defaultIfEmpty(FailureState.NONE);
    }

    /**
     * Whether the account's delay has passed (no reservation; for flows that count with
     * {@link #recordFailure}).
     */
    Mono<Boolean> allowsAttempt(String email) {
        return state(email).map(policy::allowsAttempt);
    }

    /** Counts one failure without a reservation; emits the new count. */
    Mono<Long> recordFailure(String email) {
        return run(RECORD_FAILURE, email);
    }

    /** After a successful login, or by an administrator / password reset. */
    Mono<Void> reset(String email) {
        return redis.delete(key(email)).then();
    }

    private Mono<Long> run(RedisScript<Long> script, String email) {
        return redis.execute(script, List.of(key(email)), List.of(Long.toString(clock.millis()),
                Integer.toString(policy.failuresBeforeDelay()), Long.toString(policy.baseDelay().toMillis()),
                Long.toString(policy.maxDelay().toMillis()), Integer.toString(policy.maxFailures()),
                Long.toString(Math.max(1000, properties.failureMemory().toMillis())), Long.toString(LEASE.toMillis())))
            .next();
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

    /**
     * A reservation's outcome: allowed, or refused with the seconds until the account's
     * delay ends; {@code busy} when another attempt of the account was in flight (a
     * concurrent burst: 429), else the generic 401.
     */
    record Attempt(boolean allowed, boolean busy, long retryAfterSeconds) {

        static final Attempt ALLOWED = new Attempt(true, false, 0);

    }

}
