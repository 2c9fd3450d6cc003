package com.acme.shop.common.idempotency;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Storage for idempotency records (A6–A12). A scope (see {@link IdempotencyKeys#scope})
 * holds either an in-flight marker or a completed {@link StoredResponse}. Every method
 * fails (error signal) when the store cannot be reached in time; callers fail closed
 * (A13).
 */
public interface IdempotencyStore {

    /**
     * Atomically claims the scope for a request with this fingerprint, unless it is
     * already claimed or completed.
     */
    Mono<ClaimOutcome> claim(String scope, String fingerprint, Duration inFlightTtl);

    /**
     * Replaces our own in-flight marker with the completed response, kept for
     * {@code ttl}; false if the marker was no longer ours.
     */
    Mono<Boolean> complete(String scope, Claimed claim, StoredResponse response, Duration ttl);

    /**
     * Deletes our in-flight marker (only if it is still ours), so that a retry executes
     * again (A11).
     */
    Mono<Void> release(String scope, Claimed claim);

    /** What {@link #claim} found. */
    sealed interface ClaimOutcome permits Claimed, InFlight, Completed {

    }

    /** The scope is ours; {@code token} identifies our marker. */
    record Claimed(String fingerprint, String token) implements ClaimOutcome {
    }

    /** Another request holds the scope and has not finished. */
    record InFlight(String fingerprint) implements ClaimOutcome {
    }

    /** The scope already holds a completed response. */
    record Completed(StoredResponse response) implements ClaimOutcome {
    }

}
