package com.acme.shop.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.auth.AuthItSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code auth.logins} (Prometheus {@code auth_logins_total}) counts each login once by
 * outcome, through the real endpoint: success, failure (wrong password, unknown account)
 * and throttled (refused before any password check), although the client cannot tell the
 * last two apart.
 */
class LoginMetricsIT extends AuthItSupport {

    @Autowired
    MeterRegistry meters;

    /** A delay after five failures that no test outruns (AuthItSupport: 400 ms). */
    @DynamicPropertySource
    static void longDelay(DynamicPropertyRegistry registry) {
        registry.add("shop.auth.login.base-delay", () -> "60s");
        registry.add("shop.auth.login.max-delay", () -> "120s");
    }

    @Test
    void countsSuccessesFailuresAndThrottledAttempts() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Ada Counter").expectStatus().isCreated();
        double success = logins("success");
        double failure = logins("failure");
        double throttled = logins("throttled");

        login(email, PASSWORD).expectStatus().isOk();
        assertThat(logins("success")).isEqualTo(success + 1);

        login(uniqueEmail(), PASSWORD).expectStatus().isUnauthorized();
        for (int i = 0; i < 5; i++) {
            login(email, "not the password at all").expectStatus().isUnauthorized();
        }
        assertThat(logins("failure")).isEqualTo(failure + 6);

        // five failures in a row: the account waits, so even the right password is
        // refused before it is checked, with the same 401
        login(email, PASSWORD).expectStatus().isUnauthorized();
        assertThat(logins("throttled")).isEqualTo(throttled + 1);
        assertThat(logins("success")).isEqualTo(success + 1);
        assertThat(logins("failure")).isEqualTo(failure + 6);
    }

    private double logins(String outcome) {
        return meters.get("auth.logins").tag("outcome", outcome).counter().count();
    }

}
