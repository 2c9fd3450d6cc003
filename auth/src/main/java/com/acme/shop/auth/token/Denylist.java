package com.acme.shop.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.acme.shop.common.security.RevocationKeys;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * {@code SET deny:{iss}:{jti} 1 EX (exp − now + 60)} (B13): keyed on jti and issuer,
 * never on the token.
 */
public class Denylist {

    private final ReactiveStringRedisTemplate redis;

    private final String issuer;

    private final Clock clock;

    public Denylist(ReactiveStringRedisTemplate redis, String issuer, Clock clock) {
        this.redis = redis;
        this.issuer = issuer;
        this.clock = clock;
    }

    public Mono<Void> deny(String jti, Instant expiresAt) {
        Duration ttl = Duration.between(clock.instant(), expiresAt).plusSeconds(60);
        if (jti == null || ttl.isNegative() || ttl.isZero()) {
            return Mono.empty();
        }
        return redis.opsForValue().set(RevocationKeys.denylist(issuer, jti), "1", ttl).then();
    }

}
