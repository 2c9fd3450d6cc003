package com.acme.shop.order.checkout;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.acme.shop.order.OrderServerTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout over real HTTP and PostgreSQL: the happy path, declines, short stock,
 * processor errors, required keys, replays, and invariants 4 and 5.
 */
class CheckoutIT extends OrderServerTestSupport {

    @Autowired
    RecoveryJob recovery;

    private static String key() {
        return "checkout-" + UUID.randomUUID();
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        return new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    private String cartJson(String token) {
        return body(http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectBody()
            .returnResult());
    }

    @Test
    void checksOutTheCartIntoAPaidOrderAndEmptiesTheCart() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID mug = PRODUCT.add("Enamel Mug", 1250, 10);
        UUID lamp = PRODUCT.add("Desk Lamp", 4999, 3);
        putItem(token, mug, 2).expectStatus().isOk();
        putItem(token, lamp, 1).expectStatus().isOk();
        String json = body(checkout(token, key(), GOOD_CARD).expectStatus()
            .isCreated()
            .expectHeader()
            .doesNotExist("Idempotent-Replayed")
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("PAID")
            .jsonPath("$.number")
            .value(number -> assertThat((String) number).matches("SO-\\d{4}-\\d{6}"))
            .jsonPath("$.items.length()")
            .isEqualTo(2)
            .jsonPath("$.items[0].name")
            .isEqualTo("Enamel Mug")
            .jsonPath("$.items[0].sku")
            .exists()
            .jsonPath("$.items[0].unitPrice.amount")
            .isEqualTo(1250)
            .jsonPath("$.items[0].lineTotal.amount")
            .isEqualTo(2500)
            .jsonPath("$.total.amount")
            .isEqualTo(7499)
            .jsonPath("$.total.currency")
            .isEqualTo("EUR")
            .jsonPath("$.currency")
            .isEqualTo("EUR")
            .jsonPath("$.payment.status")
            .isEqualTo("SUCCEEDED")
            .jsonPath("$.payment.last4")
            .isEqualTo("4242")
            .returnResult());
        UUID order = UUID.fromString(JsonPath.read(json, "$.id"));
        assertThat(PAYMENT.payment(order).status()).isEqualTo("SUCCEEDED");
        assertThat(PAYMENT.payment(order).amount()).isEqualTo(7499);
        assertThat(PRODUCT.reservation(order).status()).isEqualTo("CONFIRMED");
        assertThat(PRODUCT.stock(mug)).isEqualTo(8);
        assertThat(PRODUCT.sold(mug)).isEqualTo(2);
        assertThat(step(order)).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(cartJson(token), "$.items.length()")).isZero();
        http.get()
            .uri("/api/orders/{id}", order)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .json(json);
    }

    @Test
    void theCardIsNeverStoredInTheOrdersDatabase() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        putItem(token, PRODUCT.add("Notebook", 800, 5), 1).expectStatus().isOk();
        checkout(token, key(), GOOD_CARD).expectStatus().isCreated();
        String dump = db.sql("SELECT string_agg(o::text, '|') FROM orders.orders o WHERE user_id = $1")
            .bind(0, buyer)
            .map(row -> row.get(0, String.class))
            .one()
            .block();
        assertThat(dump).doesNotContain("4242424242424242").doesNotContain("4242 4242").doesNotContain("12/39");
    }

    @Test
    void aRepeatWithTheSameKeyReplaysTheOrderWithoutASecondCharge() {
        String token = user(UUID.randomUUID());
        putItem(token, PRODUCT.add("Kettle", 3500, 4), 1).expectStatus().isOk();
        String key = key();
        String first = body(checkout(token, key, GOOD_CARD).expectStatus().isCreated().expectBody().returnResult());
        int charges = PAYMENT.chargeRequests();
        EntityExchangeResult<byte[]> again = checkout(token, key, GOOD_CARD).expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true")
            .expectBody()
            .returnResult();
        assertThat(body(again)).isEqualTo(first);
        assertThat(PAYMENT.chargeRequests()).isEqualTo(charges);
        // the same key from another user is another checkout (and that user's cart is
        // empty)
        checkout(user(UUID.randomUUID()), key, GOOD_CARD).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("cart_empty");
    }

    @Test
    void aDeclinedCardLeavesStockAndCartAsTheyWere() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Camera", 29900, 2);
        putItem(token, product, 2).expectStatus().isOk();
        String cartBefore = cartJson(token);
        String key = key();
        String problem = body(checkout(token, key, DECLINED_CARD).expectStatus()
            .isEqualTo(402)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("card_declined")
            .jsonPath("$.detail")
            .isEqualTo("The card was declined.")
            .returnResult());
        UUID order = UUID.fromString(JsonPath.read(problem, "$.orderId"));
        assertThat(PRODUCT.stock(product)).isEqualTo(2);
        assertThat(PRODUCT.reserved(product)).isZero();
        assertThat(PRODUCT.reservation(order).status()).isEqualTo("RELEASED");
        assertThat(PAYMENT.captured(order)).isZero();
        assertThat(cartJson(token)).isEqualTo(cartBefore);
        assertThat(status(order)).isEqualTo("PAYMENT_FAILED");
        assertThat(step(order)).isEqualTo("DONE");
        http.get()
            .uri("/api/orders/{id}", order)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("PAYMENT_FAILED")
            .jsonPath("$.payment.status")
            .isEqualTo("DECLINED");
        // the same key answers the same decline; a new key with a good card buys
        checkout(token, key, DECLINED_CARD).expectStatus()
            .isEqualTo(402)
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true");
        checkout(token, key(), GOOD_CARD).expectStatus().isCreated();
        assertThat(PRODUCT.stock(product)).isZero();
    }

    @Test
    void insufficientFundsIsADeclineWithItsOwnCode() {
        String token = user(UUID.randomUUID());
        putItem(token, PRODUCT.add("Bike", 89900, 1), 1).expectStatus().isOk();
        checkout(token, key(), NO_FUNDS_CARD).expectStatus()
            .isEqualTo(402)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("insufficient_funds");
    }

    @Test
    void shortStockIs409NamingTheItemsAndChargesNothing() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID plenty = PRODUCT.add("Plenty", 100, 50);
        UUID scarce = PRODUCT.add("Scarce Vase", 5000, 3);
        putItem(token, plenty, 1).expectStatus().isOk();
        putItem(token, scarce, 3).expectStatus().isOk();
        PRODUCT.reserveDirectly(UUID.randomUUID(), scarce, 2);
        int charges = PAYMENT.chargeRequests();
        checkout(token, key(), GOOD_CARD).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("out_of_stock")
            .jsonPath("$.detail")
            .value(detail -> assertThat((String) detail).contains("Scarce Vase").contains("Nothing was charged"))
            .jsonPath("$.shortages.length()")
            .isEqualTo(1)
            .jsonPath("$.shortages[0].productId")
            .isEqualTo(scarce.toString())
            .jsonPath("$.shortages[0].name")
            .isEqualTo("Scarce Vase")
            .jsonPath("$.shortages[0].requested")
            .isEqualTo(3)
            .jsonPath("$.shortages[0].available")
            .isEqualTo(1);
        assertThat(PAYMENT.chargeRequests()).isEqualTo(charges);
        assertThat(ordersOf(buyer)).isZero();
        assertThat(PRODUCT.stock(plenty)).isEqualTo(50);
    }

    @Test
    void aProcessorErrorRetriesUntilTheDeadlineThenLeavesNoOrderAndNoCharge() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Tent", 15000, 4);
        putItem(token, product, 1).expectStatus().isOk();
        int charges = PAYMENT.chargeRequests();
        checkout(token, key(), PROCESSOR_ERROR_CARD).expectStatus().isEqualTo(503).expectHeader().exists("Retry-After");
        assertThat(PAYMENT.chargeRequests() - charges).isGreaterThan(1);
        assertThat(ordersOf(buyer)).isZero();
        assertThat(PRODUCT.stock(product)).isEqualTo(4);
        assertThat(PRODUCT.reserved(product)).isZero();
    }

    @Test
    void aLostAnswerFromPaymentIsRetriedAndChargesOnce() {
        String token = user(UUID.randomUUID());
        putItem(token, PRODUCT.add("Stove", 7000, 4), 1).expectStatus().isOk();
        PAYMENT.failAfterRecording(1);
        String json = body(checkout(token, key(), GOOD_CARD).expectStatus().isCreated().expectBody().returnResult());
        UUID order = UUID.fromString(JsonPath.read(json, "$.id"));
        assertThat(PAYMENT.payment(order).status()).isEqualTo("SUCCEEDED");
        assertThat(PAYMENT.all().stream().filter(p -> p.orderId().equals(order))).hasSize(1);
    }

    @Test
    void productDownMeans503NothingChargedAndTheOrderIsAbortedOnceProductIsBack() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        putItem(token, PRODUCT.add("Chair", 4500, 4), 1).expectStatus().isOk();
        PRODUCT.down(true);
        int charges = PAYMENT.chargeRequests();
        checkout(token, key(), GOOD_CARD).expectStatus().isEqualTo(503);
        assertThat(PAYMENT.chargeRequests()).isEqualTo(charges);
        // the stock cannot be released while product is down: the order waits for
        // recovery
        UUID order = db.sql("SELECT id FROM orders.orders WHERE user_id = $1")
            .bind(0, buyer)
            .map(row -> row.get(0, UUID.class))
            .one()
            .block();
        assertThat(step(order)).isEqualTo("ABORTING");
        PRODUCT.down(false);
        Awaits.until(() -> {
            recovery.runOnce().block();
            return ordersOf(buyer) == 0;
        });
    }

    @Test
    void theKeyIsRequiredAndChecked() {
        String token = user(UUID.randomUUID());
        putItem(token, PRODUCT.add("Spoon", 300, 4), 1).expectStatus().isOk();
        checkout(token, null, GOOD_CARD).expectStatus()
            .isBadRequest()
            .expectHeader()
            .valueMatches("Link", "<.+>; rel=\"describedby\"")
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        checkout(token, "bad key with spaces", GOOD_CARD).expectStatus().isBadRequest();
    }

    @Test
    void anInvalidCardIs400BeforeAnythingHappens() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        putItem(token, PRODUCT.add("Fork", 300, 4), 1).expectStatus().isOk();
        int reserves = PRODUCT.reserveCalls();
        checkout(token, key(), "4242 4242 4242 4241").expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("payment.cardNumber")
            .jsonPath("$.errors[0].message")
            .value(message -> assertThat((String) message).doesNotContain("4241"));
        http.post().uri("/api/orders").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key());
        })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("payment", Map.of("cardNumber", GOOD_CARD, "expiry", "01/20", "cvc", "123")))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("payment.expiry");
        http.post().uri("/api/orders").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key());
        })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("payment", Map.of("cardNumber", GOOD_CARD, "expiry", "13/30", "cvc", "12")))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors.length()")
            .isEqualTo(2);
        assertThat(PRODUCT.reserveCalls()).isEqualTo(reserves);
        assertThat(ordersOf(buyer)).isZero();
    }

    @Test
    void theOrderKeepsPriceAndNameAfterTheProductChangesOrIsDeleted() {
        String token = user(UUID.randomUUID());
        UUID product = PRODUCT.add("Original Name", 2000, 5);
        putItem(token, product, 2).expectStatus().isOk();
        String json = body(checkout(token, key(), GOOD_CARD).expectStatus().isCreated().expectBody().returnResult());
        UUID order = UUID.fromString(JsonPath.read(json, "$.id"));
        PRODUCT.setPrice(product, 9999);
        PRODUCT.rename(product, "New Name");
        PRODUCT.delete(product);
        http.get()
            .uri("/api/orders/{id}", order)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].name")
            .isEqualTo("Original Name")
            .jsonPath("$.items[0].unitPrice.amount")
            .isEqualTo(2000)
            .jsonPath("$.total.amount")
            .isEqualTo(4000);
    }

    @Test
    void anotherUsersOrderIs404AsIfItDidNotExistButAnAdminSeesIt() {
        String owner = user(UUID.randomUUID());
        putItem(owner, PRODUCT.add("Private Thing", 1000, 5), 1).expectStatus().isOk();
        String json = body(checkout(owner, key(), GOOD_CARD).expectStatus().isCreated().expectBody().returnResult());
        String id = JsonPath.read(json, "$.id");
        String stranger = user(UUID.randomUUID());
        String notFound = body(http.get()
            .uri("/api/orders/{id}", id)
            .headers(h -> h.setBearerAuth(stranger))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody()
            .returnResult());
        String missing = body(http.get()
            .uri("/api/orders/{id}", UUID.randomUUID())
            .headers(h -> h.setBearerAuth(stranger))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody()
            .returnResult());
        assertThat((String) JsonPath.read(notFound, "$.detail")).isEqualTo(JsonPath.read(missing, "$.detail"));
        http.post()
            .uri("/api/orders/{id}/cancel", id)
            .headers(h -> h.setBearerAuth(stranger))
            .exchange()
            .expectStatus()
            .isNotFound();
        http.get()
            .uri("/api/orders/{id}", id)
            .headers(h -> h.setBearerAuth(admin(UUID.randomUUID())))
            .exchange()
            .expectStatus()
            .isOk();
        http.get().uri("/api/orders/{id}", id).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void listsOwnOrdersNewestFirstAndAllOrdersForAnAdmin() {
        UUID buyer = UUID.randomUUID();
        String token = user(buyer);
        UUID product = PRODUCT.add("Sticker", 100, 99);
        for (int i = 0; i < 3; i++) {
            putItem(token, product, i + 1).expectStatus().isOk();
            checkout(token, key(), GOOD_CARD).expectStatus().isCreated();
        }
        String other = user(UUID.randomUUID());
        putItem(other, product, 1).expectStatus().isOk();
        checkout(other, key(), GOOD_CARD).expectStatus().isCreated();
        http.get()
            .uri("/api/orders?page=0&size=2")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.content.length()")
            .isEqualTo(2)
            .jsonPath("$.content[0].items[0].quantity")
            .isEqualTo(3)
            .jsonPath("$.page.size")
            .isEqualTo(2)
            .jsonPath("$.page.number")
            .isEqualTo(0)
            .jsonPath("$.page.totalElements")
            .isEqualTo(3)
            .jsonPath("$.page.totalPages")
            .isEqualTo(2);
        http.get()
            .uri("/api/orders?page=1&size=2")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectBody()
            .jsonPath("$.content.length()")
            .isEqualTo(1)
            .jsonPath("$.content[0].items[0].quantity")
            .isEqualTo(1);
        long all = count("SELECT count(*) FROM orders.orders");
        http.get()
            .uri("/api/orders?size=100")
            .headers(h -> h.setBearerAuth(admin(UUID.randomUUID())))
            .exchange()
            .expectBody()
            .jsonPath("$.page.totalElements")
            .isEqualTo((int) all);
        http.get()
            .uri("/api/orders?size=0")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isBadRequest();
        http.get()
            .uri("/api/orders?page=-1")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isBadRequest();
    }

    @Test
    void theOwnerCancelsAPaidOrderRefundedAndRestocked() {
        String token = user(UUID.randomUUID());
        UUID product = PRODUCT.add("Returnable", 2500, 5);
        putItem(token, product, 2).expectStatus().isOk();
        String json = body(checkout(token, key(), GOOD_CARD).expectStatus().isCreated().expectBody().returnResult());
        UUID order = UUID.fromString(JsonPath.read(json, "$.id"));
        assertThat(PRODUCT.stock(product)).isEqualTo(3);
        http.post().uri("/api/orders/{id}/cancel", order).headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key());
        })
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("CANCELLED")
            .jsonPath("$.payment.status")
            .isEqualTo("REFUNDED");
        assertThat(PAYMENT.payment(order).status()).isEqualTo("REFUNDED");
        assertThat(PRODUCT.stock(product)).isEqualTo(5);
        assertThat(PRODUCT.sold(product)).isZero();
        assertThat(step(order)).isEqualTo("DONE");
        // again: answered as it is, nothing refunded twice
        http.post()
            .uri("/api/orders/{id}/cancel", order)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("CANCELLED");
        assertThat(PRODUCT.stock(product)).isEqualTo(5);
    }

    @Test
    void aFailedOrderCannotBeCancelled() {
        String token = user(UUID.randomUUID());
        putItem(token, PRODUCT.add("Nope", 2500, 5), 1).expectStatus().isOk();
        String problem = body(
                checkout(token, key(), DECLINED_CARD).expectStatus().isEqualTo(402).expectBody().returnResult());
        String order = JsonPath.read(problem, "$.orderId");
        http.post()
            .uri("/api/orders/{id}/cancel", order)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("not_cancellable");
    }

    @Test
    void anAdminCancelsAnyonesOrder() {
        String token = user(UUID.randomUUID());
        UUID product = PRODUCT.add("Admin Cancel", 1500, 5);
        putItem(token, product, 1).expectStatus().isOk();
        String json = body(checkout(token, key(), GOOD_CARD).expectStatus().isCreated().expectBody().returnResult());
        String order = JsonPath.read(json, "$.id");
        http.post()
            .uri("/api/orders/{id}/cancel", order)
            .headers(h -> h.setBearerAuth(admin(UUID.randomUUID())))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("CANCELLED");
        assertThat(PRODUCT.stock(product)).isEqualTo(5);
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        checkout(user(UUID.randomUUID()), key(), GOOD_CARD).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("cart_empty");
    }

    @Test
    void serviceTokensAreFetchedOnceAndReused() {
        String token = user(UUID.randomUUID());
        UUID product = PRODUCT.add("Token Reuse", 100, 10);
        putItem(token, product, 1).expectStatus().isOk();
        checkout(token, key(), GOOD_CARD).expectStatus().isCreated();
        int issued = AUTH.issued();
        putItem(token, product, 1).expectStatus().isOk();
        checkout(token, key(), GOOD_CARD).expectStatus().isCreated();
        assertThat(AUTH.issued()).isEqualTo(issued).isLessThanOrEqualTo(2);
    }

}
