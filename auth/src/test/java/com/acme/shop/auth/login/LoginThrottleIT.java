package com.acme.shop.auth.login;

import java.time.Duration;
import java.util.List;

import com.acme.shop.auth.AuthItSupport;
import com.acme.shop.auth.login.LoginThrottle.Attempt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reservation script against real Redis: atomic under concurrency, bounded, expiring.
 */
class LoginThrottleIT extends AuthItSupport {

    @Autowired
    LoginThrottle throttle;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void ofOneHundredTwentyConcurrentReservationsOnlyFiveAreAllowedAndTheRestAreRefusedAsBusy() {
        String email = uniqueEmail();

        List<Attempt> attempts = Flux.range(0, 120).flatMap(i -> throttle.reserve(email), 120).collectList().block();

        assertThat(attempts).filteredOn(Attempt::allowed).hasSize(5);
        assertThat(attempts).filteredOn(attempt -> !attempt.allowed()).hasSize(115).allSatisfy(attempt -> {
            assertThat(attempt.busy()).isTrue();
            assertThat(attempt.retryAfterSeconds()).isBetween(1L, 1L);
        });
        assertThat(throttle.state(email).block().failures()).isEqualTo(5);
    }

    @Test
    void onceTheAttemptsInFlightHaveFailedARefusalIsTheGeneric401NotA429() {
        String email = uniqueEmail();
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.reserve(email).block().allowed()).isTrue();
            throttle.failed(email).block();
        }

        Attempt refused = throttle.reserve(email).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.busy()).isFalse();
    }

    @Test
    void anAttemptThatCheckedNothingIsGivenBack() {
        String email = uniqueEmail();
        throttle.reserve(email).block();
        throttle.reserve(email).block();

        throttle.release(email).block();

        assertThat(throttle.state(email).block().failures()).isEqualTo(1);
    }

    @Test
    void theScriptWaitsTheDelayOfThePolicyDoublingUpToTheMax(@Autowired LoginProperties properties) {
        ThrottlePolicy policy = ThrottlePolicy.from(properties, java.time.Clock.systemUTC());
        String email = uniqueEmail();
        for (int failures = 1; failures <= 10; failures++) {
            long before = System.currentTimeMillis();
            throttle.recordFailure(email).block();
            long waits = throttle.state(email).block().nextAttempt().toEpochMilli() - before;
            long expected = policy.delayAfter(failures).toMillis();
            assertThat(waits).as("wait after %d failures", failures).isBetween(expected - 1, expected + 1000);
        }
        assertThat(policy.delayAfter(10)).isEqualTo(properties.maxDelay());
    }

    @Test
    void theStateAlwaysExpiresAndNeverOutlivesTheFailureMemory() {
        String email = uniqueEmail();
        Flux.range(0, 105).concatMap(i -> throttle.recordFailure(email)).blockLast();

        Duration ttl = redis.getExpire(LoginThrottle.key(email)).block();

        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(24));
        assertThat(throttle.state(email).block().failures()).isEqualTo(100);
    }

}
