package com.acme.shop.payment;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentRefundIT extends PaymentServerTestSupport {

    @Test
    void refundsOnceAndAnswersTheSameAfterwards() {
        UUID orderId = UUID.randomUUID();
        UUID paymentId = chargedPayment(orderId);

        byte[] first = refund(paymentId).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("REFUNDED")
            .jsonPath("$.refundedAt")
            .isNotEmpty()
            .jsonPath("$.id")
            .isEqualTo(paymentId.toString())
            .returnResult()
            .getResponseBody();
        String firstBody = refund(paymentId).expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        String secondBody = refund(paymentId).expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(firstBody).isEqualTo(new String(first));
        assertThat(secondBody).isEqualTo(firstBody);
        assertThat(storedStatus(orderId)).isEqualTo("REFUNDED");
    }

    @Test
    void chargingARefundedOrderAgainChargesNothing() {
        UUID orderId = UUID.randomUUID();
        UUID paymentId = chargedPayment(orderId);
        refund(paymentId).expectStatus().isOk();

        postCharge(charge(orderId, 1200, "4242424242424242")).expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.id")
            .isEqualTo(paymentId.toString())
            .jsonPath("$.status")
            .isEqualTo("REFUNDED");
        assertThat(countPayments(orderId)).isEqualTo(1);
    }

    @Test
    void declinedPaymentCannotBeRefunded() {
        UUID orderId = UUID.randomUUID();
        String problem = postCharge(charge(orderId, 1200, "4000000000000002")).expectStatus()
            .isEqualTo(402)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        UUID paymentId = UUID.fromString(problem.replaceAll(".*\"paymentId\":\"([^\"]+)\".*", "$1"));

        refund(paymentId).expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("not_refundable");
        assertThat(storedStatus(orderId)).isEqualTo("DECLINED");
    }

    @Test
    void unknownPaymentIs404AndBadId400() {
        refund(UUID.randomUUID()).expectStatus().isNotFound();
        http.post()
            .uri(PAYMENTS + "/nope/refund")
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isBadRequest();
    }

    private UUID chargedPayment(UUID orderId) {
        String body = postCharge(charge(orderId, 1200, "4242424242424242")).expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        return UUID.fromString(body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
    }

}
