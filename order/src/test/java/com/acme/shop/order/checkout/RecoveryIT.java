package com.acme.shop.order.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.shop.order.OrderServerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 3: orders left in every intermediate saga step (as a crash would leave them,
 * written directly into the table with the matching state in product and payment) are
 * finished or compensated by the recovery job, with exactly one charge or none, and the
 * stock adds up.
 */
class RecoveryIT extends OrderServerTestSupport {

    @Autowired
    RecoveryJob recovery;

    private record Left(UUID order, UUID user, UUID product) {
    }

    /** An order for 2 units at 1500 left in {@code step} an hour ago. */
    private Left leftIn(String status, String step, boolean reserved, String payment) {
        UUID user = UUID.randomUUID();
        UUID product = PRODUCT.add("Recovered " + step, 1500, 10);
        UUID order = UUID.randomUUID();
        Instant then = Instant.now().minus(Duration.ofHours(1));
        if (reserved) {
            PRODUCT.reserveDirectly(order, product, 2);
        }
        UUID paymentId = null;
        if (payment != null) {
            PAYMENT.record(order, payment, 3000);
            paymentId = PAYMENT.payment(order).id();
        }
        db.sql("""
                INSERT INTO orders.orders (id, number, user_id, idempotency_key, status, step, currency, total,
                    payment_status, payment_id, last4, created_at, updated_at, step_at)
                VALUES ($1, $2, $3, $4, $5, $6, 'EUR', $7, $8, $9, $10, $11, $11, $11)
                """)
            .bind(0, order)
            .bind(1, "SO-2026-R" + order.toString().substring(0, 5))
            .bind(2, user)
            .bind(3, "key-" + order)
            .bind(4, status)
            .bind(5, step)
            .bind(6, 3000L)
            .bind(7, status.equals("PAID") ? "SUCCEEDED" : status.equals("PAYMENT_FAILED") ? "DECLINED" : "NONE")
            .bind(8, paymentId == null ? new UUID(0, 0) : paymentId)
            .bind(9, "4242")
            .bind(10, then)
            .then()
            .block();
        db.sql("INSERT INTO orders.order_items (order_id, line, product_id, sku, name, unit_price, quantity) "
                + "VALUES ($1, 1, $2, 'SKU-R', 'Recovered', 1500, 2)")
            .bind(0, order)
            .bind(1, product)
            .then()
            .block();
        return new Left(order, user, product);
    }

    private void recover() {
        recovery.runOnce().block();
    }

    private void assertStockAddsUp(UUID product) {
        assertThat(PRODUCT.stock(product) + PRODUCT.reserved(product) + PRODUCT.sold(product)).isEqualTo(10);
    }

    @Test
    void anOrderLeftWhileReservingIsAbortedAndItsStockReturned() {
        Left left = leftIn("PENDING", "RESERVING", true, null);
        Left notReserved = leftIn("PENDING", "RESERVING", false, null);
        recover();
        assertThat(ordersOf(left.user())).isZero();
        assertThat(ordersOf(notReserved.user())).isZero();
        assertThat(PRODUCT.reservation(left.order()).status()).isEqualTo("RELEASED");
        assertThat(PRODUCT.stock(left.product())).isEqualTo(10);
        assertThat(PAYMENT.payment(left.order())).isNull();
        assertStockAddsUp(left.product());
    }

    @Test
    void anOrderLeftWhileChargingWithASuccessfulChargeBecomesPaid() {
        Left left = leftIn("PENDING", "CHARGING", true, "SUCCEEDED");
        putItem(user(left.user()), left.product(), 1).expectStatus().isOk();
        recover();
        assertThat(status(left.order())).isEqualTo("PAID");
        assertThat(step(left.order())).isEqualTo("DONE");
        assertThat(PRODUCT.reservation(left.order()).status()).isEqualTo("CONFIRMED");
        assertThat(PAYMENT.captured(left.order())).isEqualTo(1);
        assertThat(PRODUCT.sold(left.product())).isEqualTo(2);
        assertStockAddsUp(left.product());
        // the paid products left the cart
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(user(left.user())))
            .exchange()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
    }

    @Test
    void anOrderLeftWhileChargingWithADeclineFailsAndReleases() {
        Left left = leftIn("PENDING", "CHARGING", true, "DECLINED");
        recover();
        assertThat(status(left.order())).isEqualTo("PAYMENT_FAILED");
        assertThat(step(left.order())).isEqualTo("DONE");
        assertThat(PRODUCT.reservation(left.order()).status()).isEqualTo("RELEASED");
        assertThat(PAYMENT.captured(left.order())).isZero();
        assertStockAddsUp(left.product());
    }

    @Test
    void anOrderLeftWhileChargingWithoutAChargeIsAbortedWithoutCharging() {
        Left left = leftIn("PENDING", "CHARGING", true, null);
        int charges = PAYMENT.chargeRequests();
        recover();
        assertThat(ordersOf(left.user())).isZero();
        assertThat(PAYMENT.payment(left.order())).isNull();
        assertThat(PAYMENT.chargeRequests()).isEqualTo(charges);
        assertThat(PRODUCT.stock(left.product())).isEqualTo(10);
        assertStockAddsUp(left.product());
    }

    @Test
    void aPaidOrderLeftWhileConfirmingIsConfirmed() {
        Left left = leftIn("PAID", "CONFIRMING", true, "SUCCEEDED");
        recover();
        assertThat(status(left.order())).isEqualTo("PAID");
        assertThat(step(left.order())).isEqualTo("DONE");
        assertThat(PRODUCT.reservation(left.order()).status()).isEqualTo("CONFIRMED");
        assertStockAddsUp(left.product());
    }

    @Test
    void aFailedOrderLeftWhileReleasingIsReleased() {
        Left left = leftIn("PAYMENT_FAILED", "RELEASING", true, "DECLINED");
        recover();
        assertThat(step(left.order())).isEqualTo("DONE");
        assertThat(PRODUCT.reservation(left.order()).status()).isEqualTo("RELEASED");
        assertThat(PRODUCT.stock(left.product())).isEqualTo(10);
    }

    @Test
    void aCancelLeftWhileRefundingIsRefundedAndRestocked() {
        Left left = leftIn("PAID", "REFUNDING", true, "SUCCEEDED");
        recover();
        assertThat(status(left.order())).isEqualTo("CANCELLED");
        assertThat(step(left.order())).isEqualTo("DONE");
        assertThat(PAYMENT.payment(left.order()).status()).isEqualTo("REFUNDED");
        assertThat(PRODUCT.stock(left.product())).isEqualTo(10);
    }

    @Test
    void aPaidOrderWhoseReservationIsGoneIsRefundedAndCancelled() {
        Left left = leftIn("PAID", "CONFIRMING", false, "SUCCEEDED");
        recover();
        assertThat(status(left.order())).isEqualTo("CANCELLED");
        assertThat(PAYMENT.payment(left.order()).status()).isEqualTo("REFUNDED");
    }

    @Test
    void aRecentOrderIsLeftToTheRequestThatRunsIt() {
        Left left = leftIn("PENDING", "CHARGING", true, null);
        db.sql("UPDATE orders.orders SET step_at = now() WHERE id = $1").bind(0, left.order()).then().block();
        recover();
        assertThat(step(left.order())).isEqualTo("CHARGING");
        assertThat(PRODUCT.reservation(left.order()).status()).isEqualTo("RESERVED");
    }

    @Test
    void recoveryStaysAwayWhileProductIsDownAndFinishesAfterwards() {
        Left left = leftIn("PAID", "CONFIRMING", true, "SUCCEEDED");
        PRODUCT.down(true);
        recover();
        assertThat(step(left.order())).isEqualTo("CONFIRMING");
        assertThat(status(left.order())).isEqualTo("PAID");
        PRODUCT.down(false);
        Awaits.until(() -> {
            recover();
            return "DONE".equals(step(left.order()));
        });
        assertThat(PRODUCT.reservation(left.order()).status()).isEqualTo("CONFIRMED");
    }

    @Test
    void aChargeWhoseAnswerTimesOutIsSettledByAskingPayment() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Slow Charge", 1000, 10);
        putItem(token, product, 1).expectStatus().isOk();
        PAYMENT.hangAfterRecording(Duration.ofMillis(1500));
        String json = new String(checkout(token, "checkout-" + UUID.randomUUID(), GOOD_CARD).expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody());
        UUID order = UUID.fromString(com.jayway.jsonpath.JsonPath.read(json, "$.id"));
        assertThat(PAYMENT.all().stream().filter(p -> p.orderId().equals(order))).hasSize(1);
        assertThat(PAYMENT.captured(order)).isEqualTo(1);
        assertThat(status(order)).isEqualTo("PAID");
    }

}
