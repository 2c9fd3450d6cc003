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
 * 503). The answer is handed back to the caller's event loop ({@link CallerEventLoop}):
 * the rest of the request must not run on Lettuce's single I/O thread.
 */
final class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {

    static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveJwtDecoder delegate;

    private final ReactiveStringRedisTemplate redis;

    private final Duration timeout;

    RevocationCheckingJwtDecoder(ReactiveJwtDecoder delegate, ReactiveStringRedisTemplate redisOrNull,
            Duration timeout) {
        this.delegate = delegate;
        this.redis = redisOrNull;
        this.timeout = timeout;
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
        List<String> keys = List.of(RevocationKeys.denylist(issuer, jwt.getId()),
                RevocationKeys.tokensValidAfter(issuer, jwt.getSubject()));
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
        if (denied != null) {
            return true;
        }
        if (validAfter == null) {
            return false;
        }
        Instant issuedAt = jwt.getIssuedAt();
        try {
            return issuedAt == null || issuedAt.toEpochMilli() < Long.parseLong(validAfter.trim());
        }
        catch (NumberFormatException ex) {
            return true; // only auth writes this key, always a number: anything else is
                         // treated as "revoke all"
        }
    }

}
