package com.acme.shop.auth.login;

import java.time.Duration;
import java.time.Instant;

import com.acme.shop.common.testing.MutableClock;
import com.acme.shop.auth.login.ThrottlePolicy.FailureState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottlePolicyTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private final ThrottlePolicy policy = new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), 100,
            clock);

    @Test
    void allowsAttemptsBelowFiveFailures() {
        assertThat(policy.allowsAttempt(FailureState.NONE)).isTrue();
        assertThat(policy.allowsAttempt(new FailureState(4, clock.instant()))).isTrue();
        assertThat(policy.delayAfter(4)).isZero();
    }

    @Test
    void delaysOneSecondAfterFiveFailuresThenDoublesUpToFifteenMinutes() {
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(policy.delayAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.delayAfter(99)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refusesEveryAttemptUntilTheNextAllowedTime() {
        FailureState throttled = new FailureState(5, clock.instant().plusSeconds(1));
        assertThat(policy.allowsAttempt(throttled)).isFalse();
        clock.advance(Duration.ofMillis(999));
        assertThat(policy.allowsAttempt(throttled)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(policy.allowsAttempt(throttled)).isTrue();
    }

    @Test
    void oneHundredFailuresNoLongerLockTheAccountForGoodOnlyForTheMaxDelay() {
        assertThat(policy.delayAfter(100)).isEqualTo(Duration.ofMinutes(15));
        FailureState hundred = new FailureState(100, clock.instant().plus(policy.delayAfter(100)));
        assertThat(policy.allowsAttempt(hundred)).isFalse();
        clock.advance(Duration.ofMinutes(15));
        assertThat(policy.allowsAttempt(hundred)).isTrue();
    }

}
