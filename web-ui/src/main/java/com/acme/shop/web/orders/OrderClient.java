package com.acme.shop.web.orders;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.catalog.ProductClient;
import com.acme.shop.web.client.GatewayClient;
import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.GatewayResponse;
import com.acme.shop.web.page.IdempotencyKeys;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The order service's order API through the gateway: place an order from the cart
 * (required {@code Idempotency-Key}), history, one order, cancel.
 */
@Component
class OrderClient {

    static final String ORDERS = "/api/orders";

    /** How often a submit waits for an identical submit that is still in flight (A8). */
    static final int IN_FLIGHT_RETRIES = 30;

    static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(500);

    private final GatewayClient gateway;

    OrderClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /**
     * Places the order. A double click (or a reload) sends the same key: while the first
     * request is in flight the gateway answers 409 with {@code Retry-After} (A8), and
     * this waits and asks again until it gets the first request's stored answer (A10), so
     * both submits end on the same order.
     */
    Mono<GatewayResponse> place(ServerWebExchange exchange, CardForm form) {
        return Mono
            .defer(() -> gateway.send(exchange, HttpMethod.POST, ORDERS, form.body(),
                    headers -> headers.set(IdempotencyKeys.HEADER, form.idempotencyKey())))
            .flatMap(response -> inFlight(response) ? Mono.error(new InFlight(response)) : Mono.just(response))
            .retryWhen(Retry.fixedDelay(IN_FLIGHT_RETRIES, IN_FLIGHT_WAIT)
                .filter(InFlight.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
            .onErrorResume(InFlight.class, ex -> Mono.just(ex.response));
    }

    /**
     * A 409 that says "the same request is still being processed" (it carries
     * Retry-After).
     */
    static boolean inFlight(GatewayResponse response) {
        return response.status() == 409 && response.headers().getFirst(HttpHeaders.RETRY_AFTER) != null;
    }

    Mono<OrderPage> page(ServerWebExchange exchange, int page) {
        return gateway.get(exchange, ORDERS + "?page=" + page + "&size=10").map(response -> {
            if (!response.isSuccess()) {
                throw new GatewayException(response.status() >= 500 ? 503 : response.status(), "orders not loaded");
            }
            return response.as(OrderPage.class);
        });
    }

    /** One order; another user's order is 404 like an unknown one. */
    Mono<Order> get(ServerWebExchange exchange, String id) {
        return gateway.get(exchange, order(id)).map(response -> {
            if (!response.isSuccess()) {
                int status = response.status() == 400 || response.status() == 403 ? 404
                        : response.status() >= 500 ? 503 : response.status();
                throw new GatewayException(status, "order not loaded");
            }
            return response.as(Order.class);
        });
    }

    Mono<GatewayResponse> cancel(ServerWebExchange exchange, String id, String idempotencyKey) {
        return gateway.send(exchange, HttpMethod.POST, order(id) + "/cancel", null,
                headers -> headers.set(IdempotencyKeys.HEADER, idempotencyKey));
    }

    private static String order(String id) {
        return ORDERS + "/" + ProductClient.checkedId(id);
    }

    private static final class InFlight extends RuntimeException {

        private final transient GatewayResponse response;

        InFlight(GatewayResponse response) {
            super("in flight", null, false, false);
            this.response = response;
        }

    }

}
