package com.acme.shop.web.cart;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.GatewayClient;
import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.GatewayResponse;
import com.acme.shop.web.page.IdempotencyKeys;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The order service's cart API through the gateway ({@code /api/cart}). The cart is read
 * at most once per request ({@link #current}): the header's badge and the page share the
 * answer.
 */
@Component
public class CartClient {

    static final String CART = "/api/cart";

    private static final String CURRENT = CartClient.class.getName() + ".current";

    /** The most of one product a cart line may hold (shop.md: quantity 1–99). */
    public static final int MAX_QUANTITY = 99;

    /** The gateway's header on a replayed answer (rules A10). */
    static final String REPLAYED = "Idempotent-Replayed";

    /** How often an add waits for an identical add that is still in flight (A8). */
    static final int IN_FLIGHT_RETRIES = 20;

    static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(250);

    private final GatewayClient gateway;

    CartClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /**
     * The caller's cart, read once per request; fails with {@link GatewayException} when
     * it cannot be read.
     */
    public Mono<Cart> current(ServerWebExchange exchange) {
        Mono<Cart> cached = exchange.getAttribute(CURRENT);
        if (cached == null) {
            cached = gateway.get(exchange, CART).map(response -> {
                if (!response.isSuccess()) {
                    throw new GatewayException(response.status() >= 500 ? 503 : response.status(), "cart not loaded");
                }
                return response.as(Cart.class);
            }).cache();
            exchange.getAttributes().put(CURRENT, cached);
        }
        return cached;
    }

    /**
     * Adds {@code quantity} of a product to what the cart holds ({@code POST
     * /api/cart/items}): one atomic add in the order service, so two adds at once (two
     * tabs) both count. The service refuses (409) a line over the stock or
     * {@value #MAX_QUANTITY}, changing nothing. The form's {@code idempotencyKey} goes as
     * {@code Idempotency-Key}: a resubmit of the same form gets the first answer replayed
     * (A10) rather than adding again; while the first is still in flight the gateway
     * answers 409 with {@code Retry-After} (A8), and this waits and asks again.
     */
    Mono<GatewayResponse> add(ServerWebExchange exchange, String productId, int quantity, String idempotencyKey) {
        return Mono
            .defer(() -> gateway.send(exchange, HttpMethod.POST, CART + "/items", new AddItem(productId, quantity),
                    headers -> headers.set(IdempotencyKeys.HEADER, idempotencyKey)))
            .flatMap(response -> inFlight(response) ? Mono.error(new InFlight(response)) : Mono.just(response))
            .retryWhen(Retry.fixedDelay(IN_FLIGHT_RETRIES, IN_FLIGHT_WAIT)
                .filter(InFlight.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
            .onErrorResume(InFlight.class, ex -> Mono.just(ex.response));
    }

    /**
     * A 409 that says "the same request is still being processed" (it carries
     * Retry-After), not a refusal.
     */
    static boolean inFlight(GatewayResponse response) {
        return response.status() == 409 && response.headers().getFirst(HttpHeaders.RETRY_AFTER) != null;
    }

    /** The gateway answered with the stored answer of an earlier request (A10). */
    static boolean replayed(GatewayResponse response) {
        return "true".equalsIgnoreCase(response.headers().getFirst(REPLAYED));
    }

    /** Sets the quantity of a product ({@code PUT /api/cart/items/{productId}}). */
    Mono<GatewayResponse> setQuantity(ServerWebExchange exchange, String productId, int quantity) {
        return gateway.send(exchange, HttpMethod.PUT, CART + "/items/" + productId, Map.of("quantity", quantity),
                headers -> {
                });
    }

    Mono<GatewayResponse> remove(ServerWebExchange exchange, String productId) {
        return gateway.send(exchange, HttpMethod.DELETE, CART + "/items/" + productId, null, headers -> {
        });
    }

    /** Body of {@code POST /api/cart/items}. */
    record AddItem(String productId, int quantity) {
    }

    private static final class InFlight extends RuntimeException {

        private final transient GatewayResponse response;

        InFlight(GatewayResponse response) {
            super("in flight", null, false, false);
            this.response = response;
        }

    }

    /** Replaces the request's cached cart with a fresh answer (after a change). */
    void remember(ServerWebExchange exchange, Cart cart) {
        exchange.getAttributes().put(CURRENT, Mono.just(cart));
    }

}
