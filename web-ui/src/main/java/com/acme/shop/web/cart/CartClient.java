package com.acme.shop.web.cart;

import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.GatewayClient;
import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.GatewayResponse;

import reactor.core.publisher.Mono;

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
     * {@value #MAX_QUANTITY}, changing nothing.
     */
    Mono<GatewayResponse> add(ServerWebExchange exchange, String productId, int quantity) {
        return gateway.send(exchange, HttpMethod.POST, CART + "/items", new AddItem(productId, quantity), headers -> {
        });
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

    /** Replaces the request's cached cart with a fresh answer (after a change). */
    void remember(ServerWebExchange exchange, Cart cart) {
        exchange.getAttributes().put(CURRENT, Mono.just(cart));
    }

}
