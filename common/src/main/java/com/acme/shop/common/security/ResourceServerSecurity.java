package com.acme.shop.common.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The bearer-token resource-server setup every API service shares (B2–B9, B13). Usage:
 * <pre>{@code
 * &#64;Bean
 * SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
 *     return ResourceServerSecurity.configure(http, decoder)
 *             .authorizeExchange(ex -> ex.pathMatchers("/health").permitAll().anyExchange().authenticated())
 *             .build();
 * }
 * }</pre>
 */
public final class ResourceServerSecurity {

    private ResourceServerSecurity() {
    }

    public static ServerHttpSecurity configure(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return configure(http, decoder, TokenValidationMetrics.NONE);
    }

    /**
     * The same, counting every token check in {@code metrics} (accepted, or rejected with
     * its reason; see {@link TokenValidationMetrics}).
     */
    public static ServerHttpSecurity configure(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            TokenValidationMetrics metrics) {
        BearerErrorResponses errors = new BearerErrorResponses(metrics);
        ReactiveJwtDecoder counted = !metrics.counts() ? decoder
                : token -> decoder.decode(token).doOnNext(jwt -> metrics.accepted());
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(errors).accessDeniedHandler(errors))
            .oauth2ResourceServer(rs -> rs.bearerTokenConverter(new BearerHeaderConverter())
                .authenticationEntryPoint(errors)
                .authenticationFailureHandler(errors)
                .accessDeniedHandler(errors)
                .jwt(jwt -> jwt.jwtDecoder(counted).jwtAuthenticationConverter(new RolesAuthenticationConverter())));
    }

}
