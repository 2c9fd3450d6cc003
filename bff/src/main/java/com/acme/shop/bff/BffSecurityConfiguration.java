package com.acme.shop.bff;

import com.acme.shop.common.security.ResourceServerSecurity;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The bff verifies every bearer itself (defence in depth behind the gateway). Health, the
 * OpenAPI document and Swagger UI are public; {@code GET /api/home} takes a token but
 * does not need one (an anonymous caller gets only the public sections; a token that is
 * sent must be valid, or the answer is 401); everything else needs a valid access token.
 */
@Configuration(proxyBeanMethods = false)
class BffSecurityConfiguration {

    /** Answered with or without a token; a token that is sent is verified. */
    static final String OPTIONAL_TOKEN_PATH = "/api/home";

    static final String[] PUBLIC_PATHS = { "/health", "/actuator/health", "/actuator/health/**", "/docs", "/docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/webjars/**" };

    @Bean
    SecurityWebFilterChain bffSecurity(ServerHttpSecurity http, ReactiveJwtDecoder accessTokenDecoder) {
        ResourceServerSecurity.configure(http, accessTokenDecoder);
        // the actuator is public on the management port (MANAGEMENT_SERVER_PORT) only
        http.authorizeExchange(exchanges -> exchanges.matchers(EndpointRequest.toAnyEndpoint())
            .permitAll()
            .pathMatchers(HttpMethod.GET, PUBLIC_PATHS)
            .permitAll()
            .pathMatchers(HttpMethod.GET, OPTIONAL_TOKEN_PATH)
            .permitAll()
            .anyExchange()
            .authenticated());
        return http.build();
    }

}
