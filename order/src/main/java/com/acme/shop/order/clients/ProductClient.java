package com.acme.shop.order.clients;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.acme.shop.order.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The product service: the public product view (today's price and stock) and the stock
 * reservations of checkouts (SERVICE token, audience {@code shop-product}). One call per
 * method; retries are the caller's ({@link Retries}).
 */
public class ProductClient {

    static final String AUDIENCE = "shop-product";

    private final WebClient web;

    private final ServiceTokens tokens;

    public ProductClient(WebClient.Builder builder, String baseUrl, ServiceTokens tokens) {
        this.web = builder.baseUrl(baseUrl).build();
        this.tokens = tokens;
    }

    /** A product as the catalog shows it now. */
    public record Product(UUID id, String sku, String name, Money price, int stock, boolean active, String imageUrl) {
    }

    /** A line to reserve. */
    public record Line(UUID productId, int quantity) {
    }

    /** A reserved line with the product's SKU, name and price at reservation time. */
    public record ReservedItem(UUID productId, String sku, String name, Money unitPrice, int quantity) {
    }

    public record Reservation(UUID orderId, String status, List<ReservedItem> items) {
    }

    /** One line product could not reserve. */
    public record Shortage(UUID productId, int requested, int available, String reason) {
    }

    /** What a reservation request ended in. */
    public sealed interface ReserveOutcome permits Reserved, Short {

    }

    public record Reserved(Reservation reservation) implements ReserveOutcome {
    }

    public record Short(List<Shortage> shortages) implements ReserveOutcome {
    }

    record ShortageProblem(List<Shortage> shortages) {
    }

    /** The product, empty when it does not exist, was deleted or is inactive. */
    public Mono<Product> product(UUID id) {
        return web.get().uri("/api/products/{id}", id).accept(MediaType.APPLICATION_JSON).exchangeToMono(response -> {
            if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return response.releaseBody().then(Mono.<Product>empty());
            }
            return expect(response, HttpStatus.OK, r -> r.bodyToMono(Product.class));
        }).filter(Product::active);
    }

    /** Reserves all lines for {@code orderId}, or none (409 → {@link Short}). */
    public Mono<ReserveOutcome> reserve(UUID orderId, List<Line> lines) {
        return tokens.token(AUDIENCE)
            .flatMap(
                    token -> web.post()
                        .uri("/internal/reservations")
                        .headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("orderId", orderId.toString(), "items", lines.stream()
                            .map(line -> Map.of("productId", line.productId().toString(), "quantity", line.quantity()))
                            .toList()))
                        .exchangeToMono(response -> {
                            if (response.statusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
                                return response.bodyToMono(ShortageProblem.class)
                                    .map(problem -> (ReserveOutcome) new Short(
                                            problem.shortages() == null ? List.of() : problem.shortages()));
                            }
                            if (response.statusCode().isSameCodeAs(HttpStatus.CREATED)) {
                                return response.bodyToMono(Reservation.class).map(Reserved::new);
                            }
                            return expect(response, HttpStatus.OK, r -> r.bodyToMono(Reservation.class)
                                .map(reservation -> (ReserveOutcome) new Reserved(reservation)));
                        }));
    }

    /**
     * Confirms the reservation (the order is paid); empty when it was released or does
     * not exist (the stock is not held for this order).
     */
    public Mono<Reservation> confirm(UUID orderId) {
        return transition(orderId, "confirm");
    }

    /** Releases the reservation; empty when there is none (nothing was reserved). */
    public Mono<Reservation> release(UUID orderId) {
        return transition(orderId, "release");
    }

    private Mono<Reservation> transition(UUID orderId, String action) {
        return tokens.token(AUDIENCE)
            .flatMap(token -> web.post()
                .uri("/internal/reservations/{orderId}/{action}", orderId, action)
                .headers(h -> h.setBearerAuth(token))
                .exchangeToMono(response -> {
                    if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
                            || response.statusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
                        return response.releaseBody().then(Mono.<Reservation>empty());
                    }
                    return expect(response, HttpStatus.OK, r -> r.bodyToMono(Reservation.class));
                }));
    }

    /**
     * The body for {@code expected}; 5xx, 408 and 429 are {@link RetryableException}s,
     * anything else an {@link IllegalStateException}.
     */
    static <T> Mono<T> expect(ClientResponse response, HttpStatus expected, Function<ClientResponse, Mono<T>> body) {
        HttpStatusCode status = response.statusCode();
        if (status.isSameCodeAs(expected)) {
            return body.apply(response);
        }
        return response.releaseBody().then(Mono.error(failure(status)));
    }

    static RuntimeException failure(HttpStatusCode status) {
        if (status.is5xxServerError() || status.value() == 408 || status.value() == 429) {
            return new RetryableException("answered " + status.value());
        }
        return new IllegalStateException("unexpected answer " + status.value());
    }

}
