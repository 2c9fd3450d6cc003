package com.acme.shop.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

import com.acme.shop.common.reactive.CallerEventLoop;

/**
 * {@link IdempotencyStore} on Redis. Keys are {@code idem:<scope>}; a claim is one atomic
 * {@code SET NX PX inFlightTtl} (a Lua script that also returns what is there when the
 * claim fails); completion and release only touch the key while it still holds our own
 * marker. Every command has a short timeout.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    public static final String KEY_PREFIX = "idem:";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private static final RedisScript<String> CLAIM = RedisScript.of("""
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return '' end
            local v = redis.call('GET', KEYS[1])
            if v then return v end
            return ''
            """, String.class);

    private static final RedisScript<Long> COMPLETE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0
            """, Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;

    private final Duration timeout;

    public RedisIdempotencyStore(ReactiveStringRedisTemplate redis) {
        this(redis, DEFAULT_TIMEOUT);
    }

    public RedisIdempotencyStore(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    @Override
    public Mono<ClaimOutcome> claim(String scope, String fingerprint, Duration inFlightTtl) {
        Claimed claim = new Claimed(fingerprint, UUID.randomUUID().toString());
        return CallerEventLoop
            .resumeOnCaller(redis
                .execute(CLAIM, List.of(KEY_PREFIX + scope),
                        List.of(RecordCodec.marker(claim), String.valueOf(Math.max(1, inFlightTtl.toMillis()))))
                .next()
                .defaultIfEmpty("")
                .timeout(timeout))
            .map(existing -> existing.isEmpty() ? claim : RecordCodec.decode(existing));
    }

    @Override
    public Mono<Boolean> complete(String scope, Claimed claim, StoredResponse response, Duration ttl) {
        return CallerEventLoop
            .resumeOnCaller(redis.execute(COMPLETE, List.of(KEY_PREFIX + scope),
                    List.of(RecordCodec.marker(claim), RecordCodec.encode(response),
                            String.valueOf(Math.max(1000, ttl.toMillis()))))
                .next()
                .timeout(timeout))
            .map(n -> n == 1L)
            .defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> release(String scope, Claimed claim) {
        return CallerEventLoop
            .resumeOnCaller(redis.execute(RELEASE, List.of(KEY_PREFIX + scope), List.of(RecordCodec.marker(claim)))
                .next()
                .timeout(timeout))
            .then();
    }

    /**
     * The string values kept in Redis: {@code P|fp|token} (in flight) and
     * {@code D|fp|status|headers|body}.
     */
    static final class RecordCodec {

        private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

        private static final Base64.Decoder B64D = Base64.getUrlDecoder();

        private RecordCodec() {
        }

        static String marker(Claimed claim) {
            return "P|" + claim.fingerprint() + "|" + claim.token();
        }

        static String encode(StoredResponse response) {
            List<String> headers = new ArrayList<>();
            response.headers()
                .forEach(
                        (name, values) -> values.forEach(value -> headers.add(b64(name.getBytes(StandardCharsets.UTF_8))
                                + "=" + b64(value.getBytes(StandardCharsets.UTF_8)))));
            return "D|" + response.fingerprint() + "|" + response.status() + "|" + String.join(",", headers) + "|"
                    + b64(response.body());
        }

        static ClaimOutcome decode(String value) {
            String[] parts = value.split("\\|", -1);
            if (parts.length == 3 && parts[0].equals("P")) {
                return new InFlight(parts[1]);
            }
            if (parts.length == 5 && parts[0].equals("D")) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                if (!parts[3].isEmpty()) {
                    for (String pair : parts[3].split(",")) {
                        int eq = pair.indexOf('=');
                        String name = new String(B64D.decode(pair.substring(0, eq)), StandardCharsets.UTF_8);
                        String headerValue = new String(B64D.decode(pair.substring(eq + 1)), StandardCharsets.UTF_8);
                        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(headerValue);
                    }
                }
                return new Completed(
                        new StoredResponse(parts[1], Integer.parseInt(parts[2]), headers, B64D.decode(parts[4])));
            }
            throw new IllegalStateException("Unreadable idempotency record");
        }

        private static String b64(byte[] bytes) {
            return B64.encodeToString(bytes);
        }

    }

}
