package com.acme.shop.auth.protection;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.acme.shop.auth.AuthItSupport;
import com.acme.shop.auth.protection.RateLimiter.Reservation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterIT extends AuthItSupport {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aConcurrentBurstGetsExactlyTheLimitAndRefusalsTellWhenTheWindowEnds() {
        RateLimiter limiter = new RateLimiter(redis, "auth:rl:test:", 20, Duration.ofSeconds(60), Clock.systemUTC());
        String client = UUID.randomUUID().toString();

        List<Reservation> burst = Flux.range(0, 200).flatMap(i -> limiter.reserve(client), 200).collectList().block();

        assertThat(burst).filteredOn(Reservation::allowed).hasSize(20);
        assertThat(burst).filteredOn(r -> !r.allowed())
            .hasSize(180)
            .allSatisfy(r -> assertThat(r.retryAfterSeconds()).isBetween(1L, 60L));
    }

    @Test
    void aSlotGivenBackCanBeTakenAgain() {
        RateLimiter limiter = new RateLimiter(redis, "auth:rl:test:", 2, Duration.ofSeconds(60), Clock.systemUTC());
        String client = UUID.randomUUID().toString();
        Reservation first = limiter.reserve(client).block();
        limiter.reserve(client).block();
        assertThat(limiter.reserve(client).block().allowed()).isFalse();

        limiter.giveBack(first).block();

        assertThat(limiter.reserve(client).block().allowed()).isTrue();
        assertThat(limiter.reserve(client).block().allowed()).isFalse();
    }

}
