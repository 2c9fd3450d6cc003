package com.acme.shop.auth;

import com.acme.shop.auth.keys.SigningKeys;
import com.acme.shop.common.security.AccessTokenDecoders;
import com.acme.shop.common.security.AccessTokenProperties;
import com.acme.shop.common.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Public: register, login, refresh, JWKS, health, the actuator on the management port.
 * Bearer (verified against this instance's own keys, audience {@code shop-auth}, denylist
 * on): verify, logout, password change.
 */
@Configuration(proxyBeanMethods = false)
class AuthSecurityConfiguration {

    static final String AUDIENCE = "shop-auth";

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(AccessTokenProperties properties, SigningKeys keys,
            ReactiveStringRedisTemplate redis) {
        return AccessTokenDecoders.create(properties.withAudience(AUDIENCE), keys.publicJwkSet(), redis);
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ResourceServerSecurity.configure(http, decoder)
            .authorizeExchange(exchanges -> exchanges.matchers(EndpointRequest.toAnyEndpoint())
                // the actuator, only on the management port (MANAGEMENT_SERVER_PORT)
                .permitAll()
                .pathMatchers("/api/auth/verify", "/api/auth/logout", "/api/auth/password")
                .authenticated()
                .pathMatchers("/api/auth/admin/**")
                .hasRole("ADMIN")
                // register, login, refresh, JWKS, health; unknown paths get
                // 404/405 from the handler
                .anyExchange()
                .permitAll())
            .build();
    }

}
