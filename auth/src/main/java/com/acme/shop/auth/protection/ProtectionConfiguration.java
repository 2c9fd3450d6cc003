package com.acme.shop.auth.protection;

import java.util.Optional;

import com.acme.shop.common.net.TrustedProxies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;

/**
 * Logs at startup whose X-Forwarded-For auth believes, and warns about the removed
 * TRUST_FORWARDED_FOR.
 */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProtectionConfiguration.class);

    ProtectionConfiguration(Environment environment, TrustedProxies trustedProxies) {
        legacySettingWarning(environment).ifPresent(log::warn);
        if (trustedProxies.isEmpty()) {
            log.info("TRUSTED_PROXIES is empty: X-Forwarded-For is ignored, rate limits count the TCP peer");
        }
        else {
            log.info("Believing X-Forwarded-For from trusted proxies {}", trustedProxies.entries());
        }
    }

    /** The warning to log when the removed setting is still configured. */
    static Optional<String> legacySettingWarning(PropertyResolver environment) {
        for (String name : new String[] { "TRUST_FORWARDED_FOR", "shop.auth.login.trust-forwarded-for" }) {
            if (environment.containsProperty(name)) {
                return Optional.of(name + " is set but ignored: it was removed; TRUSTED_PROXIES (a list of proxy "
                        + "addresses or CIDR blocks whose X-Forwarded-For is believed, empty = none) replaces it");
            }
        }
        return Optional.empty();
    }

}
