package com.acme.shop.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import com.acme.shop.common.reactive.CallerEventLoop;

/**
 * Wraps the verifying decoder: every failure becomes a {@link BadJwtException} (so it
 * ends as 401 {@code invalid_token}), and, when a Redis template is given, every decoded
 * token is checked against its revocation state in ONE round trip ({@code MGET}, see
 * {@link RevocationKeys}):
 * <ul>
 * <li>{@code deny:{iss}:{jti}} exists → rejected (B13);</li>
 * <li>{@code tva:{iss}:{sub}} holds epoch milliseconds and {@code iat * 1000 < tva} →
 * rejected (the subject changed the password after this token was issued, B12).</li>
 * </ul>
 * This runs on every call, also for tokens served from the cache of verified tokens. A
 * Redis error or timeout yields {@link TokenCheckUnavailableException} (fail closed,
 * 503). With a {@link RevocationReplica} in sync, the state comes from it instead,
 * without a round trip; whatever it does not know for sure (out of sync, feed down, a key
 * being read back after a change) is asked of Redis as above. The answer is handed back
 * to the caller's event loop ({@link CallerEventLoop}): the rest of the request must not
 * run on Lettuce's single I/O thread.
 */
final class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {

    static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveJwtDecoder delegate;

    private final ReactiveStringRedisTemplate redis;

    private final Duration timeout;

    private final RevocationReplica replica;

    RevocationCheckingJwtDecoder(ReactiveJwtDecoder delegate, ReactiveStringRedisTemplate redisOrNull,
            Duration timeout) {
        this(delegate, redisOrNull, timeout, null);
    }

    RevocationCheckingJwtDecoder(ReactiveJwtDecoder delegate, ReactiveStringRedisTemplate redisOrNull, Duration timeout,
            RevocationReplica replicaOrNull) {
        this.delegate = delegate;
        this.redis = redisOrNull;
        this.timeout = timeout;
        this.replica = redisOrNull == null ? null : replicaOrNull;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Mono<Jwt> decoded = Mono.defer(() -> delegate.decode(token))
            .onErrorMap(e -> !(e instanceof BadJwtException), e -> new BadJwtException("Invalid token", e));
        if (redis == null) {
            return decoded;
        }
        return decoded.flatMap(this::checkRevocation);
    }

    private Mono<Jwt> checkRevocation(Jwt jwt) {
        String issuer = jwt.getClaimAsString(JwtClaimNames.ISS);
        String denyKey = RevocationKeys.denylist(issuer, jwt.getId());
        String tvaKey = RevocationKeys.tokensValidAfter(issuer, jwt.getSubject());
        if (replica != null) {
            switch (replica.check(denyKey, tvaKey, jwt.getIssuedAt())) {
                case VALID:
                    return Mono.just(jwt);
                case REVOKED:
                    return Mono.error(new RevokedTokenException());
                default:
                    break;
            }
        }
        List<String> keys = List.of(denyKey, tvaKey);
        Mono<List<String>> state = Mono.defer(() -> redis.opsForValue().multiGet(keys)).timeout(timeout);
        return CallerEventLoop.resumeOnCaller(state)
            .onErrorMap(e -> new TokenCheckUnavailableException("Token revocation state unavailable", e))
            .switchIfEmpty(
                    Mono.error(() -> new TokenCheckUnavailableException("Token revocation state unavailable", null)))
            .flatMap(values -> isRevoked(jwt, values.get(0), values.get(1))
                    ? Mono.<Jwt>error(new RevokedTokenException()) : Mono.just(jwt));
    }

    /**
     * Revoked when denylisted, or issued before the subject's "tokens valid after"
     * instant (epoch ms).
     */
    static boolean isRevoked(Jwt jwt, String denied, String validAfter) {
        return isRevoked(jwt.getIssuedAt(), denied, validAfter);
    }

    static boolean isRevoked(Instant issuedAt, String denied, String validAfter) {
        if (denied != null) {
            return true;
        }
        if (validAfter == null) {
            return false;
        }
        try {
            return issuedAt == null || issuedAt.toEpochMilli() < Long.parseLong(validAfter.trim());
        }
        catch (NumberFormatException ex) {
            return true; // only auth writes this key, always a number: anything else is
                         // treated as "revoke all"
        }
    }

}
