package com.acme.shop.order.clients;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs a call again after a retryable failure, with exponential backoff (100 ms doubling
 * up to 1 s, with jitter), each attempt bounded by the call timeout, all of it by a
 * deadline; past the deadline the last failure (or a
 * {@link java.util.concurrent.TimeoutException}) is the result.
 */
public final class Retries {

    private final Duration callTimeout;

    private final Duration initialBackoff;

    public Retries(Duration callTimeout) {
        this(callTimeout, Duration.ofMillis(100));
    }

    Retries(Duration callTimeout, Duration initialBackoff) {
        this.callTimeout = callTimeout;
        this.initialBackoff = initialBackoff;
    }

    public <T> Mono<T> within(Duration deadline, Supplier<Mono<T>> call) {
        return within(deadline, call, error -> {
        });
    }

    /**
     * As {@link #within(Duration, Supplier)}, telling {@code onFailure} about the failure
     * of every attempt (a timed-out attempt included).
     */
    public <T> Mono<T> within(Duration deadline, Supplier<Mono<T>> call, Consumer<Throwable> onFailure) {
        Mono<T> attempt = Mono.defer(call).timeout(callTimeout).doOnError(onFailure);
        return attempt
            .retryWhen(Retry.backoff(Long.MAX_VALUE, initialBackoff)
                .maxBackoff(Duration.ofSeconds(1))
                .jitter(0.3)
                .filter(RetryableException::isRetryable)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
            .timeout(deadline);
    }

}
