package com.acme.shop.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment service settings ({@code shop.payment}).
 *
 * @param dbTimeout longest wait for one database operation, connection included
 * ({@code DB_QUERY_TIMEOUT}); past it the request answers 503
 * @param fingerprintKey base64 of at least 32 bytes ({@code PAYMENT_FINGERPRINT_KEY}),
 * the HMAC key of card fingerprints; blank: generated once into {@code keyDir} (refused
 * in the {@code prod} profile)
 * @param keyDir where a generated fingerprint key is kept ({@code PAYMENT_KEY_DIR},
 * default {@code JWT_KEY_DIR}); blank: an in-memory key per start
 * @param latency delay of the simulated processor before it answers a charge or refund
 * ({@code PAYMENT_LATENCY})
 * @param failureRate share of charges, 0.0–1.0, answered 503 by the simulated processor
 * ({@code PAYMENT_FAILURE_RATE})
 * @param failureMode whether an injected failure happens before or after the charge is
 * recorded ({@code PAYMENT_FAILURE_MODE})
 * @param failureSeed seed of the failure dice ({@code PAYMENT_FAILURE_SEED});
 * {@code null} = random
 * @param retryAfter {@code Retry-After} of the processor's 503 answers
 */
@ConfigurationProperties("shop.payment")
record PaymentProperties(@DefaultValue("5s") Duration dbTimeout, String fingerprintKey, String keyDir,
        @DefaultValue("0ms") Duration latency, @DefaultValue("0.0") double failureRate,
        @DefaultValue("mixed") FailureMode failureMode, Long failureSeed, @DefaultValue("1s") Duration retryAfter) {

    PaymentProperties {
        if (failureRate < 0.0 || failureRate > 1.0 || Double.isNaN(failureRate)) {
            throw new IllegalArgumentException("PAYMENT_FAILURE_RATE must be between 0.0 and 1.0");
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("PAYMENT_LATENCY must not be negative");
        }
    }

}
