package com.acme.shop.payment;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The simulated processor's parts that come from configuration. */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CardFingerprints cardFingerprints(PaymentProperties properties, Environment environment) {
        // the prod profile (SPRING_PROFILES_ACTIVE=prod) refuses to start without
        // PAYMENT_FINGERPRINT_KEY
        return new CardFingerprints(FingerprintKey.load(properties.fingerprintKey(), properties.keyDir(),
                environment.matchesProfiles("prod")));
    }

    @Bean
    ProcessorFaults processorFaults(PaymentProperties properties) {
        return new ProcessorFaults(properties.failureRate(), properties.failureMode(), properties.failureSeed());
    }

}
