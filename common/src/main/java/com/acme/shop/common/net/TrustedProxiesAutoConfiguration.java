package com.acme.shop.common.net;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link TrustedProxies} whose {@code X-Forwarded-For} a reactive service believes
 * ({@code shop.trusted-proxies}, a comma-separated list of addresses or CIDR blocks,
 * bound from {@code TRUSTED_PROXIES} in each service's application.yml; empty trusts
 * nobody). Backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class TrustedProxiesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TrustedProxies trustedProxies(Environment env) {
        return TrustedProxies.parse(env.getProperty("shop.trusted-proxies", ""));
    }

}
