package com.acme.shop.order.clients;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class RetriesTest {

    private final Retries retries = new Retries(Duration.ofMillis(200), Duration.ofMillis(10));

    @Test
    void retriesRetryableFailuresUntilOneSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        Mono<String> result = retries.within(Duration.ofSeconds(5),
                () -> calls.incrementAndGet() < 3 ? Mono.error(new RetryableException("503")) : Mono.just("ok"));
        StepVerifier.create(result).expectNext("ok").verifyComplete();
        assertThat(calls).hasValue(3);
    }

    @Test
    void doesNotRetryOtherFailures() {
        AtomicInteger calls = new AtomicInteger();
        Mono<String> result = retries.within(Duration.ofSeconds(5), () -> {
            calls.incrementAndGet();
            return Mono.error(new IllegalStateException("unexpected answer 422"));
        });
        StepVerifier.create(result).expectError(IllegalStateException.class).verify();
        assertThat(calls).hasValue(1);
    }

    @Test
    void boundsEachAttemptByTheCallTimeoutAndAllOfThemByTheDeadline() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        // virtual time: the count of attempts must not depend on how busy the machine is
        StepVerifier.withVirtualTime(() -> retries.within(Duration.ofMillis(700), () -> {
            calls.incrementAndGet();
            return Mono.<String>never();
        }, error -> failures.incrementAndGet()))
            .thenAwait(Duration.ofSeconds(1))
            .expectError(TimeoutException.class)
            .verify(Duration.ofSeconds(5));
        assertThat(calls.get()).isBetween(2, 4);
        assertThat(failures.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void serviceTokensAreReusedUntilShortlyBeforeTheyExpire() {
        assertThat(ServiceTokens.reuseFor(60)).isEqualTo(Duration.ofSeconds(45));
        assertThat(ServiceTokens.reuseFor(20)).isEqualTo(Duration.ofSeconds(15));
        assertThat(ServiceTokens.reuseFor(0)).isEqualTo(Duration.ZERO);
    }

}
