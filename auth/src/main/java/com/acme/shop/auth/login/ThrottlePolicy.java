package com.acme.shop.auth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Per-account throttling (B14), free of I/O: after {@code failuresBeforeDelay} consecutive failures
 * an attempt is refused until {@code baseDelay · 2^(failures − failuresBeforeDelay)} (capped at
 * {@code maxDelay}) has passed since the last failure; at {@code maxFailures} the account is locked
 * until an administrator or a password reset clears the counter.
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

    /** The delay that follows the given number of consecutive failures (zero below the threshold). */
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

    boolean isLocked(FailureState state) {
        return state.failures() >= maxFailures;
    }

    /** Whether an attempt may be checked now; a refused attempt gets the generic 401. */
    boolean allowsAttempt(FailureState state) {
        if (isLocked(state)) {
            return false;
        }
        if (state.failures() < failuresBeforeDelay || state.lastFailure() == null) {
            return true;
        }
        return !clock.instant().isBefore(state.lastFailure().plus(delayAfter(state.failures())));
    }

    int maxFailures() {
        return maxFailures;
    }

    /** Consecutive failures of one account (by normalized e-mail, known or not). */
    record FailureState(int failures, Instant lastFailure) {

        static final FailureState NONE = new FailureState(0, null);
    }
}
