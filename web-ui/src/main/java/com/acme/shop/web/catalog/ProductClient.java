package com.acme.shop.web.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.GatewayClient;
import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.GatewayResponse;
import com.acme.shop.web.page.IdempotencyKeys;

import reactor.core.publisher.Mono;

/**
 * The gateway's product API: public reads (no token) for the catalog, and the ADMIN
 * writes (create, update with {@code If-Match}, delete) for {@code /admin/products}.
 * Product ids are UUIDs; anything else is a 404 and never reaches the gateway's URL.
 */
@Component
public class ProductClient {

    private static final String PRODUCTS = "/api/products";

    private final GatewayClient gateway;

    ProductClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public Mono<ProductPage> page(ProductQuery query) {
        return gateway.getPublic(query.apiUri()).map(response -> {
            if (!response.isSuccess()) {
                throw new GatewayException(response.status() >= 500 ? 503 : response.status(), "products not loaded");
            }
            return response.as(ProductPage.class);
        });
    }

    /** One product with its ETag; an unknown or malformed id is 404. */
    public Mono<Versioned> get(String id) {
        return gateway.getPublic(product(id)).map(response -> {
            if (!response.isSuccess()) {
                int status = response.status() == 400 || response.status() == 404 ? 404
                        : response.status() >= 500 ? 503 : response.status();
                throw new GatewayException(status, "product not loaded");
            }
            return new Versioned(response.as(Product.class), response.etag());
        });
    }

    /** The product as an ADMIN reads it, with the current ETag (no cache in between). */
    public Mono<Versioned> getForAdmin(ServerWebExchange exchange, String id) {
        return gateway.get(exchange, product(id)).map(response -> {
            if (!response.isSuccess()) {
                throw new GatewayException(response.status() == 400 ? 404 : response.status(), "product not loaded");
            }
            return new Versioned(response.as(Product.class), response.etag());
        });
    }

    public Mono<GatewayResponse> create(ServerWebExchange exchange, Map<String, Object> body, String idempotencyKey) {
        return gateway.send(exchange, HttpMethod.POST, PRODUCTS, body,
                headers -> headers.set(IdempotencyKeys.HEADER, idempotencyKey));
    }

    /** Updates the product; {@code etag}, when present, becomes {@code If-Match}. */
    public Mono<GatewayResponse> update(ServerWebExchange exchange, String id, Map<String, Object> body, String etag,
            String idempotencyKey) {
        return gateway.send(exchange, HttpMethod.PUT, product(id), body, headers -> {
            headers.set(IdempotencyKeys.HEADER, idempotencyKey);
            if (etag != null && !etag.isBlank()) {
                headers.set(HttpHeaders.IF_MATCH, etag);
            }
        });
    }

    /** Deletes the product; one that is already gone counts as deleted. */
    public Mono<Void> delete(ServerWebExchange exchange, String id) {
        return gateway.send(exchange, HttpMethod.DELETE, product(id), null, headers -> {
        })
            .flatMap(response -> response.isSuccess() || response.status() == 404 ? Mono.<Void>empty()
                    : Mono.error(new GatewayException(response.status(), "delete failed")));
    }

    /** A product as read, with the ETag it was read with. */
    public record Versioned(Product product, String etag) {
    }

    /** The id as a canonical UUID, else 404. */
    public static String checkedId(String id) {
        try {
            return UUID.fromString(id).toString();
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String product(String id) {
        return PRODUCTS + "/" + checkedId(id);
    }

}
