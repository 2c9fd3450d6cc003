package com.acme.shop.member;

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
 * Bearer tokens only (common's resource-server setup, audience {@code shop-member});
 * then: ADMIN may do everything under {@code /api/members}; USER only {@code /me} and
 * their own id; {@code /internal/**} is for SERVICE tokens (auth) only; the OpenAPI
 * document ({@code /v3/api-docs}) is public, and so is the actuator on the management
 * port. Idempotency keys on POST and PATCH are handled after authorization, so 401/403
 * come first (rule A5).
 */
@Configuration(proxyBeanMethods = false)
class MemberSecurityConfiguration {

    static final String ADMIN = "ADMIN";
    static final String USER = "USER";
    static final String SERVICE = "SERVICE";

    @Bean
    SecurityWebFilterChain memberSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            IdempotencyHandler idempotency, MemberProperties properties) {
        MemberAccess adminOrSelf = new MemberAccess();
        return ResourceServerSecurity.configure(http, decoder)
            .authorizeExchange(exchanges -> exchanges
                // the actuator, only on the management port (MANAGEMENT_SERVER_PORT)
                .matchers(EndpointRequest.toAnyEndpoint())
                .permitAll()
                .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                .permitAll()
                .pathMatchers("/internal/**")
                .hasRole(SERVICE)
                .pathMatchers(HttpMethod.GET, "/api/members/me")
                .hasAnyRole(USER, ADMIN)
                .pathMatchers(HttpMethod.PUT, "/api/members/me")
                .hasAnyRole(USER, ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/members/{id}")
                .access(adminOrSelf)
                .pathMatchers(HttpMethod.PUT, "/api/members/{id}")
                .access(adminOrSelf)
                .pathMatchers("/api/members", "/api/members/**")
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
