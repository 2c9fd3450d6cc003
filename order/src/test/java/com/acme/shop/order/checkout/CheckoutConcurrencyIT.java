package com.acme.shop.order.checkout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import com.acme.shop.order.OrderServerTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants 1 and 2 under real concurrency (many HTTP connections at once, released
 * together).
 */
class CheckoutConcurrencyIT extends OrderServerTestSupport {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private List<HttpResponse<String>> concurrently(List<HttpRequest> requests) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (HttpRequest request : requests) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }, command -> new Thread(command).start()));
        }
        start.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private HttpRequest checkoutRequest(String token, String key) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers
                .ofString("{\"payment\":{\"cardNumber\":\"4242424242424242\",\"expiry\":\"12/39\",\"cvc\":\"123\"}}"))
            .build();
    }

    @Test
    void twentyConcurrentCheckoutsWithOneKeyMakeOneOrderAndOneCharge() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Popular Lamp", 3999, 30);
        putItem(token, product, 2).expectStatus().isOk();
        String key = "checkout-" + UUID.randomUUID();
        int chargesBefore = PAYMENT.chargeRequests();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(checkoutRequest(token, key));
        }
        List<HttpResponse<String>> responses = concurrently(requests);
        Map<Integer, Long> statuses = responses.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        System.out.println("20 same-key checkouts: statuses " + statuses + ", charge requests "
                + (PAYMENT.chargeRequests() - chargesBefore));
        assertThat(statuses).containsOnlyKeys(201);
        Set<String> bodies = responses.stream().map(HttpResponse::body).collect(Collectors.toSet());
        assertThat(bodies).hasSize(1);
        assertThat(responses.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty())).hasSize(1);
        UUID order = UUID.fromString(JsonPath.read(bodies.iterator().next(), "$.id"));
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertThat(PAYMENT.chargeRequests() - chargesBefore).isEqualTo(1);
        assertThat(PAYMENT.all().stream().filter(p -> p.orderId().equals(order))).hasSize(1);
        assertThat(PRODUCT.stock(product)).isEqualTo(28);
        assertThat(PRODUCT.sold(product)).isEqualTo(2);
    }

    @Test
    void tenBuyersForTheLastItemMakeExactlyOneOrder() {
        UUID product = PRODUCT.add("Last One", 12000, 1);
        List<UUID> buyers = new ArrayList<>();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID buyer = UUID.randomUUID();
            String token = user(buyer);
            putItem(token, product, 1).expectStatus().isOk();
            buyers.add(buyer);
            requests.add(checkoutRequest(token, "checkout-" + UUID.randomUUID()));
        }
        int chargesBefore = PAYMENT.chargeRequests();
        List<HttpResponse<String>> responses = concurrently(requests);
        Map<Integer, Long> statuses = responses.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        System.out.println("10 buyers, 1 item: statuses " + statuses + ", stock available/reserved/sold "
                + PRODUCT.stock(product) + "/" + PRODUCT.reserved(product) + "/" + PRODUCT.sold(product));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 9L));
        responses.stream()
            .filter(r -> r.statusCode() == 409)
            .forEach(r -> assertThat((String) JsonPath.read(r.body(), "$.code")).isEqualTo("out_of_stock"));
        long orders = buyers.stream().mapToLong(this::ordersOf).sum();
        assertThat(orders).isEqualTo(1);
        assertThat(PAYMENT.chargeRequests() - chargesBefore).isEqualTo(1);
        assertThat(PRODUCT.stock(product)).isZero();
        assertThat(PRODUCT.stock(product) + PRODUCT.reserved(product) + PRODUCT.sold(product)).isEqualTo(1);
    }

}
