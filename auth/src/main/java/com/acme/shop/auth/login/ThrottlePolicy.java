package com.acme.shop.auth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Per-account throttling (B14), free of I/O: after {@code failuresBeforeDelay}
 * consecutive failures the next attempt waits
 * {@code baseDelay · 2^(failures − failuresBeforeDelay)}, capped at {@code maxDelay}. The
 * counter stops at {@code maxFailures} (at most 100), which only keeps the delay at
 * {@code maxDelay}: nothing locks an account for good, so the longest refusal a stranger
 * can cause is {@code maxDelay} after their last attempt. {@link LoginThrottle}'s Redis
 * scripts compute the same delays ({@link #delayAfter} is the reference).
 */
final class ThrottlePolicy {

    private final int failuresBeforeDelay;

    private final Duration baseDelay;

    private final Duration maxDelay;

    private final int maxFailures;

    private final Clock clock;

    ThrottlePolicy(int failuresBeforeDelay, Duration baseDelay, Duration maxDelay, int maxFailures, Clock clock) {
        this.failuresBeforeDelay = failuresBeforeDelay;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.maxFailures = maxFailures;
        this.clock = clock;
    }

    static ThrottlePolicy from(LoginProperties properties, Clock clock) {
        return new ThrottlePolicy(properties.failuresBeforeDelay(), properties.baseDelay(), properties.maxDelay(),
                properties.maxFailures(), clock);
    }

    /**
     * The delay that follows the given number of consecutive failures (zero below the
     * threshold).
     */
    Duration delayAfter(int failures) {
        if (failures < failuresBeforeDelay) {
            return Duration.ZERO;
        }
        int doublings = failures - failuresBeforeDelay;
        if (doublings >= 40) {
            return maxDelay;
        }
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * Whether an attempt may be checked now; a refused attempt gets the generic 401 (or
     * 429 when concurrent).
     */
    boolean allowsAttempt(FailureState state) {
        return state.nextAttempt() == null || !clock.instant().isBefore(state.nextAttempt());
    }

    int failuresBeforeDelay() {
        return failuresBeforeDelay;
    }

    Duration baseDelay() {
        return baseDelay;
    }

    Duration maxDelay() {
        return maxDelay;
    }

    int maxFailures() {
        return maxFailures;
    }

    /**
     * Consecutive failures of one account (by normalized e-mail, known or not) and when
     * it may try again.
     */
    record FailureState(int failures, Instant nextAttempt) {

        static final FailureState NONE = new FailureState(0, null);

    }

}
