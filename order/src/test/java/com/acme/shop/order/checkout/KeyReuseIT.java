package com.acme.shop.order.checkout;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.acme.shop.order.OrderServerTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule A7 for order's own exactly-once checkout: an Idempotency-Key reused with another
 * request gets 422 and changes nothing, never the first request's answer; a repeat of the
 * same request (the card written differently included) still replays. The order keeps
 * only a keyed hash of the request, never the card. The cancel (common's idempotency
 * layer) refuses a key reused for another order the same way.
 */
class KeyReuseIT extends OrderServerTestSupport {

    private static final String OTHER_GOOD_CARD = "5555 5555 5555 4444";

    private static String key() {
        return "reuse-" + UUID.randomUUID();
    }

    private static String body(WebTestClient.ResponseSpec response) {
        byte[] bytes = response.expectBody().returnResult().getResponseBody();
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private String fingerprintOf(UUID order) {
        return db.sql("SELECT request_fingerprint FROM orders.orders WHERE id = $1")
            .bind(0, order)
            .map(row -> row.get(0, String.class))
            .one()
            .block();
    }

    @Test
    void theSameKeyWithAnotherCardIs422AndChangesNothing() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Reused Key", 1200, 10);
        putItem(token, product, 1).expectStatus().isOk();
        String key = key();
        String first = body(checkout(token, key, GOOD_CARD).expectStatus().isCreated());
        UUID order = UUID.fromString(JsonPath.read(first, "$.id"));
        int charges = PAYMENT.chargeRequests();
        putItem(token, product, 2).expectStatus().isOk();

        String reused = body(checkout(token, key, OTHER_GOOD_CARD).expectStatus()
            .isEqualTo(422)
            .expectHeader()
            .contentType("application/problem+json"));
        assertThat((String) JsonPath.read(reused, "$.detail"))
            .isEqualTo("This idempotency key was already used for a different request.");
        assertThat((String) JsonPath.read(reused, "$.code")).isEqualTo("idempotency_key_reused");
        assertThat(reused).doesNotContain(order.toString());
        assertThat(PAYMENT.chargeRequests()).isEqualTo(charges);
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertThat(PRODUCT.stock(product)).isEqualTo(9);

        // the same card, written without spaces, is the same request: the first order
        // again
        String replay = body(checkout(token, key, GOOD_CARD.replace(" ", "")).expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true"));
        assertThat((String) JsonPath.read(replay, "$.id")).isEqualTo(order.toString());
        assertThat(PAYMENT.chargeRequests()).isEqualTo(charges);
    }

    @Test
    void aDeclinedCheckoutsKeyCannotBeRetriedWithAnotherCard() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Declined Then Reused", 800, 5);
        putItem(token, product, 1).expectStatus().isOk();
        String key = key();
        checkout(token, key, DECLINED_CARD).expectStatus().isEqualTo(402);
        int charges = PAYMENT.chargeRequests();

        checkout(token, key, GOOD_CARD).expectStatus().isEqualTo(422);
        assertThat(PAYMENT.chargeRequests()).isEqualTo(charges);
        assertThat(count("SELECT count(*) FROM orders.orders WHERE user_id = $1 AND status = 'PAYMENT_FAILED'", buyer))
            .isEqualTo(1);
        assertThat(ordersOf(buyer)).isEqualTo(1);
        // the same declined card replays the decline; a new key with the good card buys
        checkout(token, key, DECLINED_CARD).expectStatus()
            .isEqualTo(402)
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true");
        checkout(token, key(), GOOD_CARD).expectStatus().isCreated();
    }

    @Test
    void theOrderKeepsAKeyedHashOfTheRequestNeverTheCard() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Hashed Request", 500, 5);
        putItem(token, product, 1).expectStatus().isOk();
        UUID first = UUID
            .fromString(JsonPath.read(body(checkout(token, key(), GOOD_CARD).expectStatus().isCreated()), "$.id"));
        putItem(token, product, 1).expectStatus().isOk();
        UUID second = UUID
            .fromString(JsonPath.read(body(checkout(token, key(), GOOD_CARD).expectStatus().isCreated()), "$.id"));

        String fingerprint = fingerprintOf(first);
        assertThat(fingerprint).matches("[0-9a-f]{64}").isEqualTo(fingerprintOf(second));
        String plainSha256 = java.util.HexFormat.of()
            .formatHex(sha256("v1\n" + GOOD_CARD.replace(" ", "") + "\n12/39"));
        assertThat(fingerprint).isNotEqualTo(plainSha256);
        assertThat(count("SELECT count(*) FROM orders.orders o WHERE o::text LIKE '%4242424242424242%'")).isZero();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void aCancelKeyReusedForAnotherOrderIs422AndThatOrderStaysPaid() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Cancel Twice", 700, 5);
        putItem(token, product, 1).expectStatus().isOk();
        UUID first = UUID
            .fromString(JsonPath.read(body(checkout(token, key(), GOOD_CARD).expectStatus().isCreated()), "$.id"));
        putItem(token, product, 1).expectStatus().isOk();
        UUID second = UUID
            .fromString(JsonPath.read(body(checkout(token, key(), GOOD_CARD).expectStatus().isCreated()), "$.id"));
        String key = key();
        http.post().uri("/api/orders/{id}/cancel", first).headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key);
        }).exchange().expectStatus().isOk();

        http.post().uri("/api/orders/{id}/cancel", second).headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key);
        }).exchange().expectStatus().isEqualTo(422);
        assertThat(status(second)).isEqualTo("PAID");
        assertThat(PAYMENT.payment(second).status()).isEqualTo("SUCCEEDED");
        assertThat(status(first)).isEqualTo("CANCELLED");
    }

}
