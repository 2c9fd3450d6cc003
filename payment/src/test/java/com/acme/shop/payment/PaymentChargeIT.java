package com.acme.shop.payment;

import java.util.Map;
import java.util.UUID;

import com.acme.shop.common.idempotency.IdempotencyKeys;
import com.acme.shop.common.idempotency.RedisIdempotencyStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The test cards, the stored answers of repeated charges, lookups. */
class PaymentChargeIT extends PaymentServerTestSupport {

    private static final String SERVICE = "service:order";

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void chargesTheSucceedingTestCardAndKeepsOnlyLast4AndFingerprint() {
        UUID orderId = UUID.randomUUID();
        byte[] body = postCharge(charge(orderId, 1999, "4242 4242 4242 4242"), "charge-" + orderId).expectStatus()
            .isCreated()
            .expectHeader()
            .contentType(MediaType.APPLICATION_JSON)
            .expectHeader()
            .doesNotExist("Idempotent-Replayed")
            .expectHeader()
            .valueMatches(HttpHeaders.LOCATION, "/internal/payments/[0-9a-f-]{36}")
            .expectBody()
            .jsonPath("$.id")
            .isNotEmpty()
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.status")
            .isEqualTo("SUCCEEDED")
            .jsonPath("$.amount.amount")
            .isEqualTo(1999)
            .jsonPath("$.amount.currency")
            .isEqualTo("EUR")
            .jsonPath("$.last4")
            .isEqualTo("4242")
            .jsonPath("$.fingerprint")
            .value(fingerprint -> assertThat((String) fingerprint).matches("[0-9a-f]{64}"))
            .jsonPath("$.createdAt")
            .isNotEmpty()
            .jsonPath("$.declineCode")
            .doesNotExist()
            .jsonPath("$.refundedAt")
            .doesNotExist()
            .returnResult()
            .getResponseBody();
        String json = new String(body);
        assertThat(json).doesNotContain("4242424242424242").doesNotContain("123\"");
        assertThat(countPayments(orderId)).isEqualTo(1);

        Map<String, Object> row = db.sql("SELECT * FROM payment.payments WHERE order_id = :orderId")
            .bind("orderId", orderId)
            .fetch()
            .one()
            .block();
        assertThat(row).containsEntry("last4", "4242")
            .containsEntry("idempotency_key", "charge-" + orderId)
            .doesNotContainKeys("number", "card_number", "cvc", "expiry");
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("42424242"));
    }

    @Test
    void anyOtherLuhnValidNumberSucceeds() {
        UUID orderId = UUID.randomUUID();
        postCharge(charge(orderId, 500, "5555555555554444")).expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("SUCCEEDED")
            .jsonPath("$.last4")
            .isEqualTo("4444");
    }

    @Test
    void sameCardGivesSameFingerprintAndAnotherCardAnother() {
        String first = fingerprintOf(charge(UUID.randomUUID(), 100, "4242424242424242"));
        String again = fingerprintOf(charge(UUID.randomUUID(), 100, "4242 4242 4242 4242"));
        String other = fingerprintOf(charge(UUID.randomUUID(), 100, "5555555555554444"));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void repeatedChargeReturnsTheStoredPaymentNeverASecondOne() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = charge(orderId, 2500, "4242424242424242");
        String first = postCharge(body, "charge-" + orderId).expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        // a retry with the key, one without, one with another key: all the stored payment
        for (String key : new String[] { "charge-" + orderId, null, "other-" + orderId }) {
            String again = postCharge(body, key).expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
            assertThat(again).isEqualTo(first);
        }
        assertThat(countPayments(orderId)).isEqualTo(1);
    }

    @Test
    void declinedCardIsStoredAndAnsweredAgainWithTheSame402() {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = charge(orderId, 1999, "4000 0000 0000 0002");
        byte[] first = postCharge(body, "charge-" + orderId).expectStatus()
            .isEqualTo(402)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(402)
            .jsonPath("$.code")
            .isEqualTo("card_declined")
            .jsonPath("$.orderId")
            .isEqualTo(orderId.toString())
            .jsonPath("$.paymentId")
            .isNotEmpty()
            .jsonPath("$.last4")
            .isEqualTo("0002")
            .returnResult()
            .getResponseBody();
        String again = bodyOf(postCharge(body, "charge-" + orderId).expectStatus().isEqualTo(402));
        String withoutKey = bodyOf(postCharge(body).expectStatus().isEqualTo(402));
        assertThat(again).isEqualTo(new String(first));
        assertThat(withoutKey).isEqualTo(again);
        assertThat(countPayments(orderId)).isEqualTo(1);
        assertThat(storedStatus(orderId)).isEqualTo("DECLINED");

        // the order's payment says what happened
        http.get()
            .uri(PAYMENTS + "?orderId={orderId}", orderId)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("DECLINED")
            .jsonPath("$.declineCode")
            .isEqualTo("card_declined");
    }

    @Test
    void declinedAttemptIsFinalEvenWithAnotherCardForTheSameOrder() {
        UUID orderId = UUID.randomUUID();
        postCharge(charge(orderId, 1999, "4000000000000002")).expectStatus().isEqualTo(402);
        postCharge(charge(orderId, 1999, "4242424242424242")).expectStatus().isEqualTo(422);
        assertThat(countPayments(orderId)).isEqualTo(1);
        assertThat(storedStatus(orderId)).isEqualTo("DECLINED");
    }

    @Test
    void insufficientFundsIsA402WithItsCode() {
        UUID orderId = UUID.randomUUID();
        postCharge(charge(orderId, 1999, "4000000000009995")).expectStatus()
            .isEqualTo(402)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("insufficient_funds")
            .jsonPath("$.detail")
            .isEqualTo("The card has insufficient funds.");
        assertThat(storedStatus(orderId)).isEqualTo("DECLINED");
        http.get()
            .uri(PAYMENTS + "?orderId={orderId}", orderId)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectBody()
            .jsonPath("$.declineCode")
            .isEqualTo("insufficient_funds");
    }

    @Test
    void processorErrorCardIsA503WithRetryAfterAndStoresNothing() {
        UUID orderId = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            postCharge(charge(orderId, 1999, "4000 0000 0000 0119")).expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("processing_error");
        }
        assertThat(countPayments(orderId)).isZero();
        http.get()
            .uri(PAYMENTS + "?orderId={orderId}", orderId)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isNotFound();
    }

    @Test
    void sameOrderWithAnotherAmountCurrencyOrCardIsRefused() {
        UUID orderId = UUID.randomUUID();
        postCharge(charge(orderId, 1000, "4242424242424242")).expectStatus().isCreated();

        postCharge(charge(orderId, 1001, "4242424242424242")).expectStatus()
            .isEqualTo(422)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("order_already_charged_differently");
        postCharge(charge(orderId.toString(), 1000, "USD", "4242424242424242", EXPIRY, "123")).expectStatus()
            .isEqualTo(422);
        postCharge(charge(orderId, 1000, "5555555555554444")).expectStatus().isEqualTo(422);
        // a processor-error card for an order that has a payment: still the stored
        // answer's check
        postCharge(charge(orderId, 1000, "4000000000000119")).expectStatus().isEqualTo(422);
        assertThat(countPayments(orderId)).isEqualTo(1);
    }

    @Test
    void idempotencyKeyCannotPayTwoOrders() {
        String key = "charge-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        postCharge(charge(first, 1000, "4242424242424242"), key).expectStatus().isCreated();
        postCharge(charge(second, 1000, "4242424242424242"), key).expectStatus()
            .isEqualTo(422)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("idempotency_key_reused");
        assertThat(countPayments(second)).isZero();
    }

    @Test
    void malformedIdempotencyKeyIs400() {
        postCharge(charge(UUID.randomUUID(), 1000, "4242424242424242"), "bad key!").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void findsPaymentsByIdAndByOrder() {
        UUID orderId = UUID.randomUUID();
        String created = postCharge(charge(orderId, 750, "4242424242424242")).expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        String byId = http.get()
            .uri(PAYMENTS + "/{id}", id)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        String byOrder = http.get()
            .uri(PAYMENTS + "?orderId={orderId}", orderId)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(byId).isEqualTo(created);
        assertThat(byOrder).isEqualTo(created);
    }

    @Test
    void unknownPaymentsAre404AndBadIds400() {
        http.get()
            .uri(PAYMENTS + "/{id}", UUID.randomUUID())
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
            .uri(PAYMENTS + "?orderId={orderId}", UUID.randomUUID())
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isNotFound();
        http.get()
            .uri(PAYMENTS + "/not-a-uuid")
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("id");
        http.get()
            .uri(PAYMENTS)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("orderId");
    }

    @Test
    void theChargeBodyNeverReachesTheRedisIdempotencyStoreButRefundsUseIt() {
        UUID orderId = UUID.randomUUID();
        String chargeKey = "charge-" + orderId;
        String body = postCharge(charge(orderId, 1999, "4242424242424242"), chargeKey).expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(redis.hasKey(RedisIdempotencyStore.KEY_PREFIX + IdempotencyKeys.scope("default", SERVICE, chargeKey))
            .block()).as("a record of the charge in Redis").isFalse();

        String refundKey = "refund-" + orderId;
        http.post().uri(PAYMENTS + "/{id}/refund", body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).headers(h -> {
            h.setBearerAuth(serviceToken());
            h.set("Idempotency-Key", refundKey);
        }).exchange().expectStatus().isOk();
        assertThat(redis.hasKey(RedisIdempotencyStore.KEY_PREFIX + IdempotencyKeys.scope("default", SERVICE, refundKey))
            .block()).as("a record of the refund in Redis").isTrue();
    }

    private String fingerprintOf(Map<String, Object> body) {
        String json = bodyOf(postCharge(body).expectStatus().isCreated());
        return json.replaceAll(".*\"fingerprint\":\"([0-9a-f]+)\".*", "$1");
    }

    private static String bodyOf(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        return spec.expectBody(String.class).returnResult().getResponseBody();
    }

}
