package com.acme.shop.auth.login;

import java.time.Duration;

import com.acme.shop.auth.protection.Bulkhead;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force protection (B14). Per account: after {@code failuresBeforeDelay}
 * consecutive failures a delay of {@code baseDelay} doubling up to {@code maxDelay}; the
 * counter stops at {@code maxFailures} (at most 100) and the state expires after
 * {@code failureMemory} without failures (never locked for good). Per client address (see
 * {@code shop.trusted-proxies}): after {@code ipLimit} failed attempts in an
 * {@code ipWindow}, 429. {@code bcrypt}: the login bulkhead (concurrent password checks,
 * one per CPU by default; queue; wait) — separate from registration's.
 */
@ConfigurationProperties("shop.auth.login")
public record LoginProperties(Integer failuresBeforeDelay, Duration baseDelay, Duration maxDelay, Integer maxFailures,
        Duration failureMemory, Integer ipLimit, Duration ipWindow, Bulkhead.Settings bcrypt) {

    public LoginProperties {
        failuresBeforeDelay = failuresBeforeDelay == null ? 5 : failuresBeforeDelay;
        baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
        maxFailures = maxFailures == null ? 100 : Math.min(maxFailures, 100);
        failureMemory = failureMemory == null ? Duration.ofHours(24) : failureMemory;
        ipLimit = ipLimit == null ? 100 : ipLimit;
        ipWindow = ipWindow == null ? Duration.ofMinutes(1) : ipWindow;
        bcrypt = bcrypt == null ? new Bulkhead.Settings(null, 100, Duration.ofSeconds(5)) : bcrypt;
    }
}
