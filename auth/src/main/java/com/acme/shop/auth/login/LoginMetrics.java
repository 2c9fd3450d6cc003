package com.acme.shop.auth.login;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Login attempts by outcome: the counter {@code auth.logins} (Prometheus
 * {@code auth_logins_total}) tagged {@code outcome} = {@code success}, {@code failure}
 * (wrong password, unknown or disabled account) or {@code throttled} (refused before any
 * password check: the per-address limit, the account's delay after repeated failures, or
 * another attempt for the account still running). The client cannot tell a throttled
 * attempt from a failed one (B15); operators can. Requests refused before that decision
 * (invalid body, bcrypt pool full, Redis down) are not counted here.
 */
final class LoginMetrics {

    enum Outcome {

        SUCCESS, FAILURE, THROTTLED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    private final Map<Outcome, Counter> counters;

    private LoginMetrics(Map<Outcome, Counter> counters) {
        this.counters = counters;
    }

    /** Registers the three counters (at zero) in {@code registry}. */
    static LoginMetrics register(MeterRegistry registry) {
        Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome,
                    Counter.builder("auth.logins")
                        .description("Login attempts by outcome")
                        .tag("outcome", outcome.tag())
                        .register(registry));
        }
        return new LoginMetrics(counters);
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }

}
