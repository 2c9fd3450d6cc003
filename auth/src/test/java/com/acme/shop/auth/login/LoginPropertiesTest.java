package com.acme.shop.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginPropertiesTest {

    @Test
    void defaultsAllowOneHundredFailedAttemptsPerAddressAMinute() {
        LoginProperties defaults = new LoginProperties(null, null, null, null, null, null, null, null);

        assertThat(defaults.ipLimit()).isEqualTo(100);
        assertThat(defaults.ipWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.failuresBeforeDelay()).isEqualTo(5);
        assertThat(defaults.baseDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.maxDelay()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theLoginBulkheadRunsOnePasswordCheckPerCpuByDefault() {
        LoginProperties defaults = new LoginProperties(null, null, null, null, null, null, null, null);

        assertThat(defaults.bcrypt().maxConcurrent()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(defaults.bcrypt().maxQueued()).isEqualTo(100);
        assertThat(defaults.bcrypt().maxWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void neverAllowsMoreThanOneHundredConsecutiveFailuresPerAccount() {
        LoginProperties configured = new LoginProperties(null, null, null, 500, null, null, null, null);

        assertThat(configured.maxFailures()).isEqualTo(100);
    }

}
