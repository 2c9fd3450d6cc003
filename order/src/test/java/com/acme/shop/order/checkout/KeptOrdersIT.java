package com.acme.shop.order.checkout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.shop.order.OrderServerTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which checkouts leave an order (shop.md): a declined card leaves a PAYMENT_FAILED order
 * in the owner's history, a cancel a CANCELLED one, and no order that reached PAID,
 * PAYMENT_FAILED or CANCELLED is ever deleted or moved back (the database refuses it,
 * whatever the code does). A checkout that never got as far as a charge (out of stock)
 * leaves no order, and its key checks out anew.
 */
class KeptOrdersIT extends OrderServerTestSupport {

    @Autowired
    RecoveryJob recovery;

    private static String key() {
        return "kept-" + UUID.randomUUID();
    }

    private static String body(WebTestClient.ResponseSpec response) {
        byte[] bytes = response.expectBody().returnResult().getResponseBody();
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private UUID placed(String token, UUID product, String card, int status) {
        putItem(token, product, 1).expectStatus().isOk();
        String json = body(checkout(token, key(), card).expectStatus().isEqualTo(status));
        return UUID.fromString(JsonPath.read(json, status == 201 ? "$.id" : "$.orderId"));
    }

    @Test
    void aDeclinedOrderStaysInTheOwnersHistoryThroughRecoveryRuns() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Declined Lamp", 4200, 4);
        UUID order = placed(token, product, DECLINED_CARD, 402);
        recovery.runOnce().block();
        recovery.runOnce().block();

        http.get()
            .uri("/api/orders")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.content.length()")
            .isEqualTo(1)
            .jsonPath("$.content[0].id")
            .isEqualTo(order.toString())
            .jsonPath("$.content[0].status")
            .isEqualTo("PAYMENT_FAILED")
            .jsonPath("$.content[0].payment.status")
            .isEqualTo("DECLINED");
        assertThat(step(order)).isEqualTo("DONE");
        assertThat(PRODUCT.stock(product)).isEqualTo(4);
    }

    @Test
    void anOutOfStockCheckoutLeavesNoOrderAndItsKeyChecksOutAnew() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Two Left", 900, 2);
        putItem(token, product, 2).expectStatus().isOk();
        PRODUCT.reserveDirectly(UUID.randomUUID(), product, 1);
        String key = key();
        int charges = PAYMENT.chargeRequests();
        checkout(token, key, GOOD_CARD).expectStatus().isEqualTo(409);
        assertThat(ordersOf(buyer)).isZero();
        assertThat(PAYMENT.chargeRequests()).isEqualTo(charges);

        putItem(token, product, 1).expectStatus().isOk();
        checkout(token, key, GOOD_CARD).expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(ordersOf(buyer)).isEqualTo(1);
    }

    @Test
    void theDatabaseNeverDeletesOrRewindsAFinishedOrder() {
        String token = user(UUID.randomUUID());
        UUID product = PRODUCT.add("History", 1000, 10);
        UUID paid = placed(token, product, GOOD_CARD, 201);
        UUID failed = placed(token, product, DECLINED_CARD, 402);
        UUID cancelled = placed(token, product, GOOD_CARD, 201);
        http.post()
            .uri("/api/orders/{id}/cancel", cancelled)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk();

        for (UUID order : new UUID[] { paid, failed, cancelled }) {
            assertThatThrownBy(() -> db.sql("DELETE FROM orders.orders WHERE id = $1").bind(0, order).then().block())
                .hasMessageContaining("only an aborted checkout");
        }
        assertThatThrownBy(() -> db.sql("UPDATE orders.orders SET status = 'PENDING' WHERE id = $1")
            .bind(0, failed)
            .then()
            .block()).hasMessageContaining("cannot go from PAYMENT_FAILED to PENDING");
        assertThatThrownBy(() -> db.sql("UPDATE orders.orders SET status = 'PAID' WHERE id = $1")
            .bind(0, cancelled)
            .then()
            .block()).hasMessageContaining("cannot go from CANCELLED to PAID");
        assertThat(status(paid)).isEqualTo("PAID");
        assertThat(status(failed)).isEqualTo("PAYMENT_FAILED");
        assertThat(status(cancelled)).isEqualTo("CANCELLED");
    }

    @Test
    void onlyAnAbortingCheckoutMayBeDeleted() {
        UUID order = UUID.randomUUID();
        Instant then = Instant.now().minus(Duration.ofHours(1));
        db.sql("""
                INSERT INTO orders.orders (id, number, user_id, idempotency_key, status, step, currency, created_at,
                    updated_at, step_at)
                VALUES ($1, $2, $3, $4, 'PENDING', 'RESERVING', 'EUR', $5, $5, $5)
                """)
            .bind(0, order)
            .bind(1, "SO-2026-K" + order.toString().substring(0, 5))
            .bind(2, UUID.randomUUID())
            .bind(3, key())
            .bind(4, then)
            .then()
            .block();
        assertThatThrownBy(() -> db.sql("DELETE FROM orders.orders WHERE id = $1").bind(0, order).then().block())
            .hasMessageContaining("only an aborted checkout");
        db.sql("UPDATE orders.orders SET step = 'ABORTING' WHERE id = $1").bind(0, order).then().block();
        db.sql("DELETE FROM orders.orders WHERE id = $1").bind(0, order).then().block();
        assertThat(count("SELECT count(*) FROM orders.orders WHERE id = $1", order)).isZero();
    }

    @Test
    void aPendingOrderWhoseChargeWasRefundedAlreadyIsCancelledAndKept() {
        UUID user = UUID.randomUUID();
        UUID product = PRODUCT.add("Refunded Early", 1500, 10);
        UUID order = UUID.randomUUID();
        Instant then = Instant.now().minus(Duration.ofHours(1));
        PRODUCT.reserveDirectly(order, product, 2);
        PAYMENT.record(order, "REFUNDED", 3000);
        db.sql("""
                INSERT INTO orders.orders (id, number, user_id, idempotency_key, status, step, currency, total,
                    created_at, updated_at, step_at)
                VALUES ($1, $2, $3, $4, 'PENDING', 'CHARGING', 'EUR', 3000, $5, $5, $5)
                """)
            .bind(0, order)
            .bind(1, "SO-2026-F" + order.toString().substring(0, 5))
            .bind(2, user)
            .bind(3, key())
            .bind(4, then)
            .then()
            .block();
        db.sql("INSERT INTO orders.order_items (order_id, line, product_id, sku, name, unit_price, quantity) "
                + "VALUES ($1, 1, $2, 'SKU-F', 'Refunded Early', 1500, 2)")
            .bind(0, order)
            .bind(1, product)
            .then()
            .block();

        recovery.runOnce().block();

        assertThat(status(order)).isEqualTo("CANCELLED");
        assertThat(step(order)).isEqualTo("DONE");
        assertThat(PRODUCT.reservation(order).status()).isEqualTo("RELEASED");
        assertThat(PRODUCT.stock(product)).isEqualTo(10);
        http.get()
            .uri("/api/orders/{id}", order)
            .headers(h -> h.setBearerAuth(user(user)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("CANCELLED")
            .jsonPath("$.payment.status")
            .isEqualTo("REFUNDED");
    }

}
