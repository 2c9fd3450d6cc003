package com.acme.shop.auth;

import com.acme.shop.auth.keys.SigningKeys;
import com.acme.shop.common.security.AccessTokenDecoders;
import com.acme.shop.common.security.AccessTokenProperties;
import com.acme.shop.common.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Public: register, login, refresh, JWKS, health. Bearer (verified against this
 * instance's own keys, audience {@code shop-auth}, denylist on): verify, logout, password
 * change.
 */
@Configuration(proxyBeanMethods = false)
class AuthSecurityConfiguration {

    static final String AUDIENCE = "shop-auth";

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(AccessTokenProperties properties, SigningKeys keys,
            ReactiveStringRedisTemplate redis) {
        return AccessTokenDecoders.create(properties.withAudience(AUDIENCE), keys.publicJwkSet(), redis);
    }

    private static Mono<AuthorizationResult> healthOnly(Mono<Authentication> authentication,
            AuthorizationContext context) {
        String path = context.getExchange().getRequest().getPath().pathWithinApplication().value();
        return Mono
            .just(new AuthorizationDecision(path.equals("/actuator/health") || path.startsWith("/actuator/health/")));
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ResourceServerSecurity.configure(http, decoder)
            .authorizeExchange(
                    exchanges -> exchanges.pathMatchers("/api/auth/verify", "/api/auth/logout", "/api/auth/password")
                        .authenticated()
                        .pathMatchers("/api/auth/admin/**")
                        .hasRole("ADMIN")
                        .pathMatchers("/actuator/**")
                        .access(AuthSecurityConfiguration::healthOnly)
                        // register, login, refresh, JWKS, health; unknown paths get
                        // 404/405 from the handler
                        .anyExchange()
                        .permitAll())
            .build();
    }

}
