package com.acme.shop.common;

import com.acme.shop.common.net.TrustedProxies;
import com.acme.shop.common.problem.ProblemDetailsAdvice;
import com.acme.shop.common.problem.ProblemWebExceptionHandler;
import com.acme.shop.common.requestid.RequestIdWebFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Wires the pieces every reactive service shares: request ids with one log line per request, and RFC 9457 problem
 * details for every error, and the {@link TrustedProxies} whose {@code X-Forwarded-For} the service believes
 * ({@code shop.trusted-proxies}, a comma-separated list of addresses or CIDR blocks, bound from
 * {@code TRUSTED_PROXIES} in each service's application.yml; empty trusts nobody). Each bean backs off when the
 * application defines its own.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class CommonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWebExceptionHandler problemWebExceptionHandler() {
        return new ProblemWebExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    TrustedProxies trustedProxies(Environment env) {
        return TrustedProxies.parse(env.getProperty("shop.trusted-proxies", ""));
    }
}
