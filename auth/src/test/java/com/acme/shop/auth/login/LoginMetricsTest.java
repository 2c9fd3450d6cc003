package com.acme.shop.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class LoginMetricsTest {

    @Test
    void registersEveryOutcomeAtZeroAndCountsEachOnItsOwn() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LoginMetrics metrics = LoginMetrics.register(registry);
        assertThat(registry.get("auth.logins").counters()).extracting(c -> c.getId().getTag("outcome"))
            .containsExactlyInAnyOrder("success", "failure", "throttled");
        assertThat(registry.get("auth.logins").counters()).extracting(Counter::count).containsOnly(0.0);

        metrics.count(LoginMetrics.Outcome.THROTTLED);
        metrics.count(LoginMetrics.Outcome.THROTTLED);
        metrics.count(LoginMetrics.Outcome.FAILURE);

        assertThat(registry.get("auth.logins").tag("outcome", "throttled").counter().count()).isEqualTo(2);
        assertThat(registry.get("auth.logins").tag("outcome", "failure").counter().count()).isEqualTo(1);
        assertThat(registry.get("auth.logins").tag("outcome", "success").counter().count()).isZero();
    }

}
