package com.acme.shop.product;

import com.acme.shop.common.idempotency.IdempotencyHandler;
import com.acme.shop.common.idempotency.IdempotencyWebFilter;
import com.acme.shop.common.security.ResourceServerSecurity;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Bearer tokens only (common's resource-server setup, audience {@code shop-product});
 * then: anyone may read the catalog ({@code GET /api/products/**}, no token needed); only
 * ADMIN changes it; {@code /internal/**} is for SERVICE tokens (the order service) only;
 * health and the API description are public. Idempotency keys on POST and PATCH are
 * handled after authorization, so 401/403 come first (rule A5).
 */
@Configuration(proxyBeanMethods = false)
class ProductSecurityConfiguration {

    static final String ADMIN = "ADMIN";
    static final String SERVICE = "SERVICE";

    @Bean
    SecurityWebFilterChain productSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            IdempotencyHandler idempotency, ProductProperties properties) {
        return ResourceServerSecurity.configure(http, decoder)
            .authorizeExchange(exchanges -> exchanges
                // the actuator, only on the management port (MANAGEMENT_SERVER_PORT)
                .matchers(EndpointRequest.toAnyEndpoint())
                .permitAll()
                .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                .permitAll()
                .pathMatchers("/internal/**")
                .hasRole(SERVICE)
                .pathMatchers(HttpMethod.GET, "/api/products", "/api/products/**")
                .permitAll()
                .pathMatchers("/api/products", "/api/products/**")
                .hasRole(ADMIN)
                .pathMatchers("/actuator/**")
                .denyAll()
                .anyExchange()
                .authenticated())
            .addFilterAfter(new IdempotencyWebFilter(idempotency, properties.idempotencyRequiredRoutes()),
                    SecurityWebFiltersOrder.AUTHORIZATION)
            .build();
    }

}
