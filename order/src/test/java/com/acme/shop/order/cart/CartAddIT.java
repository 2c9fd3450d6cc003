package com.acme.shop.order.cart;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.acme.shop.order.OrderServerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/cart/items} adds to what the cart holds in one atomic upsert on real
 * PostgreSQL: concurrent adds never lose one another, and never push a line past the
 * stock or 99.
 */
class CartAddIT extends OrderServerTestSupport {

    private final HttpClient client = HttpClient.newHttpClient();

    private WebTestClient.ResponseSpec add(String token, Object productId, Integer quantity) {
        return http.post()
            .uri("/api/cart/items")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(quantity == null ? Map.of("productId", productId)
                    : Map.of("productId", productId, "quantity", quantity))
            .exchange();
    }

    private long quantityInCart(UUID user, UUID product) {
        return count("SELECT coalesce(sum(quantity), 0) FROM orders.cart_items WHERE user_id = $1 AND product_id = $2",
                user, product);
    }

    /** {@code n} adds of 1, released together from as many threads; their statuses. */
    private List<Integer> concurrentAdds(String token, UUID product, int n) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return client
                        .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cart/items"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers
                                .ofString("{\"productId\":\"" + product + "\",\"quantity\":1}"))
                            .build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }, command -> new Thread(command).start()));
        }
        start.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void twentyConcurrentAddsOfOneEndAtTwenty() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Busy Mug", 900, 50);

        List<Integer> statuses = concurrentAdds(token, product, 20);

        assertThat(statuses).containsOnly(200);
        assertThat(quantityInCart(buyer, product)).isEqualTo(20);
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("ETag", "\"20\"")
            .expectBody()
            .jsonPath("$.itemCount")
            .isEqualTo(20)
            .jsonPath("$.items[0].quantity")
            .isEqualTo(20);
    }

    @Test
    void concurrentAddsStopAtTheStock() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Last Five", 900, 5);

        List<Integer> statuses = concurrentAdds(token, product, 12);

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(5);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(7);
        assertThat(quantityInCart(buyer, product)).isEqualTo(5);
    }

    @Test
    void addsOnTopOfTheLineAndARefusedAddChangesNothing() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Stacked Bowl", 1500, 4);
        putItem(token, product, 2).expectStatus().isOk();
        add(token, product, null).expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("ETag", "\"2\"")
            .expectBody()
            .jsonPath("$.items[0].quantity")
            .isEqualTo(3)
            .jsonPath("$.total.amount")
            .isEqualTo(4500);

        add(token, product, 2).expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType("application/problem+json")
            .expectBody()
            .jsonPath("$.available")
            .isEqualTo(4)
            .jsonPath("$.inCart")
            .isEqualTo(3)
            .jsonPath("$.detail")
            .isEqualTo("Only 4 of Stacked Bowl in stock (3 in your cart already).");
        assertThat(quantityInCart(buyer, product)).isEqualTo(3);
        // the refused add did not move the cart's version either
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectHeader()
            .valueEquals("ETag", "\"2\"");
        add(token, product, 1).expectStatus().isOk().expectBody().jsonPath("$.items[0].quantity").isEqualTo(4);
    }

    @Test
    void aLineHoldsAtMost99EvenWithMoreInStock() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Bulk Pegs", 10, 500);
        add(token, product, 99).expectStatus().isOk();
        add(token, product, 1).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("A cart holds at most 99 of a product (99 in your cart already).");
        assertThat(quantityInCart(buyer, product)).isEqualTo(99);
    }

    @Test
    void unknownProductsAndBadInputAreRefused() {
        String token = user(UUID.randomUUID());
        add(token, UUID.randomUUID(), 1).expectStatus().isNotFound();
        add(token, "not-a-uuid", 1).expectStatus().isBadRequest();
        add(token, PRODUCT.add("Zero Add", 100, 5), 0).expectStatus().isBadRequest();
        add(token, PRODUCT.add("Huge Add", 100, 500), 100).expectStatus().isBadRequest();
        UUID soldOut = PRODUCT.add("Sold Out", 100, 0);
        add(token, soldOut, 1).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Sold Out is out of stock.");
    }

}
