package com.acme.shop.order;

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
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

/**
 * Bearer tokens only (common's resource-server setup, audience {@code shop-order}): the
 * cart and the orders are for USER and ADMIN tokens (a SERVICE token has no cart); health
 * and the API document are public; everything else is denied.
 * <p>
 * Idempotency keys: common's Redis layer (after authorization, rule A5) handles POSTs
 * such as {@code /api/orders/{id}/cancel}, but not the checkout ({@code POST
 * /api/orders}): common's store would keep an unkeyed SHA-256 of its body, which holds
 * the card number and CVC, for a day. The checkout requires its key itself and is
 * exactly-once through the orders table's unique (user, key) instead.
 */
@Configuration(proxyBeanMethods = false)
class OrderSecurityConfiguration {

    static final String CHECKOUT_PATH = "/api/orders";

    @Bean
    SecurityWebFilterChain orderSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            IdempotencyHandler idempotency) {
        return ResourceServerSecurity.configure(http, decoder)
            .authorizeExchange(exchanges -> exchanges
                // the actuator, only on the management port (MANAGEMENT_SERVER_PORT)
                .matchers(EndpointRequest.toAnyEndpoint())
                .permitAll()
                .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                .permitAll()
                .pathMatchers("/api/cart", "/api/cart/**", "/api/orders", "/api/orders/**")
                .hasAnyRole(Roles.USER, Roles.ADMIN)
                .anyExchange()
                .denyAll())
            .addFilterAfter(exceptCheckout(new IdempotencyWebFilter(idempotency)),
                    SecurityWebFiltersOrder.AUTHORIZATION)
            .build();
    }

    /** {@code filter} for every exchange but {@code POST /api/orders}. */
    static WebFilter exceptCheckout(WebFilter filter) {
        ServerWebExchangeMatcher checkout = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, CHECKOUT_PATH);
        return (exchange, chain) -> checkout.matches(exchange)
            .flatMap(match -> match.isMatch() ? chain.filter(exchange) : filter.filter(exchange, chain));
    }

}
