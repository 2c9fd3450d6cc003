package com.acme.shop.payment;

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
 * Bearer tokens only (common's resource-server setup, audience {@code shop-payment}):
 * {@code /internal/**} is for SERVICE tokens (order) only; health and the API document
 * are public; everything else is denied.
 * <p>
 * Idempotency keys: common's Redis layer (after authorization, rule A5) handles POSTs
 * such as refunds, but not the charge ({@code POST /internal/payments}): it would keep an
 * unkeyed SHA-256 of the request body, which holds the card number and CVC, for a day
 * ({@code IDEMPOTENCY_TTL}), and answer concurrent repeats 409. The charge is idempotent
 * by order id in PostgreSQL instead ({@link PaymentService}).
 */
@Configuration(proxyBeanMethods = false)
class PaymentSecurityConfiguration {

    static final String SERVICE = "SERVICE";

    @Bean
    SecurityWebFilterChain paymentSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            IdempotencyHandler idempotency) {
        return ResourceServerSecurity.configure(http, decoder)
            .authorizeExchange(exchanges -> exchanges
                // the actuator, only on the management port (MANAGEMENT_SERVER_PORT)
                .matchers(EndpointRequest.toAnyEndpoint())
                .permitAll()
                .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                .permitAll()
                .pathMatchers("/internal/**")
                .hasRole(SERVICE)
                .anyExchange()
                .denyAll())
            .addFilterAfter(exceptCharges(new IdempotencyWebFilter(idempotency)), SecurityWebFiltersOrder.AUTHORIZATION)
            .build();
    }

    /** {@code filter} for every exchange but {@code POST /internal/payments}. */
    static WebFilter exceptCharges(WebFilter filter) {
        ServerWebExchangeMatcher charges = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
                InternalPaymentController.BASE_PATH);
        return (exchange, chain) -> charges.matches(exchange)
            .flatMap(match -> match.isMatch() ? chain.filter(exchange) : filter.filter(exchange, chain));
    }

}
