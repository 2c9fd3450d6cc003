package com.acme.shop.auth.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force protection (B14). Per account: after {@code failuresBeforeDelay} consecutive failures a
 * delay of {@code baseDelay} doubling up to {@code maxDelay}; at {@code maxFailures} the account is
 * locked until reset. Per client IP: after {@code ipLimit} failed attempts in an {@code ipWindow}, 429.
 * {@code trustForwardedFor}: take the client IP from the last {@code X-Forwarded-For} entry (auth sits
 * behind the gateway and web-ui on an internal network).
 */
@ConfigurationProperties("shop.auth.login")
public record LoginProperties(
        Integer failuresBeforeDelay,
        Duration baseDelay,
        Duration maxDelay,
        Integer maxFailures,
        Duration failureMemory,
        Integer ipLimit,
        Duration ipWindow,
        Boolean trustForwardedFor) {

    public LoginProperties {
        failuresBeforeDelay = failuresBeforeDelay == null ? 5 : failuresBeforeDelay;
        baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
        maxFailures = maxFailures == null ? 100 : Math.min(maxFailures, 100);
        failureMemory = failureMemory == null ? Duration.ofHours(24) : failureMemory;
        ipLimit = ipLimit == null ? 100 : ipLimit;
        ipWindow = ipWindow == null ? Duration.ofMinutes(1) : ipWindow;
        trustForwardedFor = trustForwardedFor == null || trustForwardedFor;
    }
}
