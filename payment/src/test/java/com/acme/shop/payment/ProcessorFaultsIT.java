package com.acme.shop.payment;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;

import com.acme.shop.payment.ProcessorFaults.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PAYMENT_FAILURE_RATE=0.5}, {@code PAYMENT_FAILURE_MODE=mixed},
 * {@code PAYMENT_FAILURE_SEED=42}, {@code PAYMENT_LATENCY=150ms}: the sequence of answers
 * is the one a {@link ProcessorFaults} with that seed predicts; "before" failures store
 * nothing, "after" failures store the charge and the retry returns it; every charge takes
 * at least the latency. One test only: the dice are shared by the context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "shop.payment.failure-rate=0.5", "shop.payment.failure-mode=mixed",
                "shop.payment.failure-seed=42", "shop.payment.latency=150ms" })
class ProcessorFaultsIT extends PaymentServerTestSupport {

    private static final Duration LATENCY = Duration.ofMillis(150);

    @Test
    void failuresFollowTheSeedAndAfterFailuresLeaveAChargeTheRetryReturns() {
        ProcessorFaults predicted = new ProcessorFaults(0.5, FailureMode.MIXED, 42L);
        Map<Fault, Integer> seen = new EnumMap<>(Fault.class);
        for (int order = 0; order < 12; order++) {
            UUID orderId = UUID.randomUUID();
            String storedId = null;
            // retry each order until it is answered 201, as order's saga does
            for (int attempt = 0; attempt < 20; attempt++) {
                Fault fault = predicted.next();
                seen.merge(fault, 1, Integer::sum);
                long start = System.nanoTime();
                var response = postCharge(charge(orderId, 1000 + order, "4242424242424242"), "charge-" + orderId);
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                assertThat(elapsedMillis).isGreaterThanOrEqualTo(LATENCY.toMillis());
                if (fault == Fault.NONE) {
                    String body = response.expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
                    String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                    if (storedId != null) {
                        assertThat(id).as("the retry returns the charge recorded before the lost answer")
                            .isEqualTo(storedId);
                    }
                    break;
                }
                response.expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("processing_error");
                if (fault == Fault.AFTER) {
                    assertThat(countPayments(orderId)).isEqualTo(1);
                    assertThat(storedStatus(orderId)).isEqualTo("SUCCEEDED");
                    storedId = http.get()
                        .uri(PAYMENTS + "?orderId={orderId}", orderId)
                        .headers(h -> h.setBearerAuth(serviceToken()))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody()
                        .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                }
                else if (storedId == null) {
                    assertThat(countPayments(orderId)).isZero();
                }
            }
            assertThat(countPayments(orderId)).isEqualTo(1);
            assertThat(storedStatus(orderId)).isEqualTo("SUCCEEDED");
        }
        assertThat(seen.get(Fault.BEFORE)).as("before failures seen").isPositive();
        assertThat(seen.get(Fault.AFTER)).as("after failures seen").isPositive();
        assertThat(seen.get(Fault.NONE)).isEqualTo(12);
    }

}
