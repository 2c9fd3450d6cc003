package com.acme.shop.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import com.acme.shop.common.security.ResourceServerSecurity;
import com.acme.shop.common.security.TokenValidationMetrics;
import com.acme.shop.gateway.GatewayProperties;

/**
 * The token-validator: Spring Security's resource server (common's
 * {@link ResourceServerSecurity} with the {@code shop-gateway} audience and the denylist
 * on) runs as a WebFilter, i.e. before any route is chosen. Public paths come from
 * {@code shop.gateway.public-paths}; every other path that a route serves needs a valid
 * access token. The Authorization header is forwarded unchanged.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

    /**
     * Every token check, counted as {@code gateway.token.validations} (Prometheus
     * {@code gateway_token_validations_total}, tags {@code outcome} and {@code reason}).
     */
    static final String METER = "gateway.token.validations";

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, GatewayProperties properties,
            ObjectProvider<ReactiveJwtDecoder> jwtDecoder, RouteLocator routeLocator,
            ObjectProvider<MeterRegistry> meters) {
        if (!properties.tokenValidation().enabled()) {
            return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
        }
        ResourceServerSecurity.configure(http, jwtDecoder.getObject(),
                TokenValidationMetrics.register(meters.getIfAvailable(SimpleMeterRegistry::new), METER));
        return http
            .authorizeExchange(exchanges -> exchanges.matchers(EndpointRequest.toAnyEndpoint())
                .permitAll()
                .matchers(publicPaths(properties.publicPaths()))
                .permitAll()
                .matchers(new RouteExchangeMatcher(routeLocator))
                .authenticated()
                .anyExchange()
                .permitAll())
            .build();
    }

    /**
     * The public paths: {@code /path/pattern} (any method) or
     * {@code METHOD /path/pattern} (only that method, e.g. {@code GET /api/products/**}:
     * browsing the catalog needs no token, changing it does).
     */
    static ServerWebExchangeMatcher publicPaths(List<String> entries) {
        List<ServerWebExchangeMatcher> matchers = new ArrayList<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            int space = trimmed.indexOf(' ');
            if (space < 0) {
                matchers.add(ServerWebExchangeMatchers.pathMatchers(trimmed));
            }
            else {
                HttpMethod method = HttpMethod.valueOf(trimmed.substring(0, space).toUpperCase(Locale.ROOT));
                matchers.add(ServerWebExchangeMatchers.pathMatchers(method, trimmed.substring(space + 1).strip()));
            }
        }
        return matchers.isEmpty() ? exchange -> ServerWebExchangeMatcher.MatchResult.notMatch()
                : new OrServerWebExchangeMatcher(matchers);
    }

}
