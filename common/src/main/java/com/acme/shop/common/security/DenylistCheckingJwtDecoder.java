package com.acme.shop.common.security;

import java.time.Duration;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Wraps the verifying decoder: every failure becomes a {@link BadJwtException} (so it ends as
 * 401 {@code invalid_token}), and, when a Redis template is given, a decoded token whose
 * {@code deny:{iss}:{jti}} key exists is rejected (B13). A Redis error or timeout yields
 * {@link TokenCheckUnavailableException} (fail closed, 503).
 */
final class DenylistCheckingJwtDecoder implements ReactiveJwtDecoder {

    static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveJwtDecoder delegate;
    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;

    DenylistCheckingJwtDecoder(ReactiveJwtDecoder delegate, ReactiveStringRedisTemplate redisOrNull, Duration timeout) {
        this.delegate = delegate;
        this.redis = redisOrNull;
        this.timeout = timeout;
    }

    static String denylistKey(String issuer, String jti) {
        return "deny:" + issuer + ":" + jti;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Mono<Jwt> decoded = Mono.defer(() -> delegate.decode(token))
                .onErrorMap(e -> !(e instanceof BadJwtException), e -> new BadJwtException("Invalid token", e));
        if (redis == null) {
            return decoded;
        }
        return decoded.flatMap(this::checkDenylist);
    }

    private Mono<Jwt> checkDenylist(Jwt jwt) {
        String key = denylistKey(jwt.getClaimAsString(JwtClaimNames.ISS), jwt.getId());
        return Mono.defer(() -> redis.hasKey(key))
                .timeout(timeout)
                .onErrorMap(e -> new TokenCheckUnavailableException("Token revocation state unavailable", e))
                .flatMap(denied -> Boolean.TRUE.equals(denied)
                        ? Mono.<Jwt>error(new BadJwtException("Invalid token"))
                        : Mono.just(jwt))
                .switchIfEmpty(Mono.error(() -> new TokenCheckUnavailableException("Token revocation state unavailable", null)));
    }
}
