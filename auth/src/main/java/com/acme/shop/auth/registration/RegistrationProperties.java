package com.acme.shop.auth.registration;

import java.time.Duration;

import com.acme.shop.auth.protection.Bulkhead;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Flood limits of {@code POST /api/auth/register}: at most {@code ipLimit} registration
 * attempts (new or taken e-mail alike) per client address in an {@code ipWindow} (then
 * 429 with {@code Retry-After}); {@code bcrypt}: the registration bulkhead, separate from
 * login's, so a registration flood cannot starve logins.
 */
@ConfigurationProperties("shop.auth.registration")
public record RegistrationProperties(Integer ipLimit, Duration ipWindow, Bulkhead.Settings bcrypt) {

    public RegistrationProperties {
        ipLimit = ipLimit == null ? 30 : ipLimit;
        ipWindow = ipWindow == null ? Duration.ofMinutes(1) : ipWindow;
        bcrypt = bcrypt == null ? new Bulkhead.Settings(2, 20, Duration.ofSeconds(2)) : bcrypt;
    }
}
