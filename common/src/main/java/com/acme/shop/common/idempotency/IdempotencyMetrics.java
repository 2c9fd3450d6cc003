package com.acme.shop.common.idempotency;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what {@link IdempotencyHandler} decided for keyed requests: one counter
 * {@code <name>} tagged {@code outcome} = an {@link Outcome}. Every outcome is registered
 * up front (zeros, not gaps, on dashboards). The gateway counts as
 * {@code gateway.idempotency.requests} (Prometheus
 * {@code gateway_idempotency_requests_total}); {@link #NONE} counts nothing. Requests the
 * handler does not act on (other methods, no key, no principal) and its 400/413 answers
 * are not counted.
 */
public final class IdempotencyMetrics {

    /** The tag values; the tag is the lower-case name. */
    public enum Outcome {

        /** First execution: the response was stored for replays. */
        STORED,
        /** A completed request was answered from the store (A10). */
        REPLAYED,
        /** The same request is still in flight: 409 (A8). */
        CONFLICT,
        /** The key was used for a different request: 422 (A7). */
        MISMATCH,
        /**
         * Redis failed: the claim (503, A13), storing the response, or releasing the key.
         */
        REDIS_ERROR;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    public static final IdempotencyMetrics NONE = new IdempotencyMetrics(null);

    private final Map<Outcome, Counter> counters;

    private IdempotencyMetrics(Map<Outcome, Counter> counters) {
        this.counters = counters;
    }

    /** Registers the counters {@code name} in {@code registry}. */
    public static IdempotencyMetrics register(MeterRegistry registry, String name) {
        Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome,
                    Counter.builder(name)
                        .description("Requests with an idempotency key, by what the idempotency layer did")
                        .tag("outcome", outcome.tag())
                        .register(registry));
        }
        return new IdempotencyMetrics(counters);
    }

    void count(Outcome outcome) {
        if (counters != null) {
            counters.get(outcome).increment();
        }
    }

}
