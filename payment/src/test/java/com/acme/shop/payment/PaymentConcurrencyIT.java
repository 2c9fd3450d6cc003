package com.acme.shop.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many charges or refunds at once for one order: one row, one charge, one refund, and
 * every caller gets the same answer.
 */
class PaymentConcurrencyIT extends PaymentServerTestSupport {

    private static final int CALLERS = 20;

    @Test
    void twentyConcurrentChargesForOneOrderChargeOnceAndAnswerAlike() throws Exception {
        UUID orderId = UUID.randomUUID();
        List<Answer> answers = concurrently(
                () -> post(PAYMENTS, charge(orderId, 4999, "4242 4242 4242 4242"), "charge-" + orderId));

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        assertThat(answers.stream().map(Answer::body).collect(Collectors.toSet())).hasSize(1);
        assertThat(answers.stream().filter(a -> !a.replayed()).count()).isEqualTo(1);
        assertThat(countPayments(orderId)).isEqualTo(1);
        assertThat(storedStatus(orderId)).isEqualTo("SUCCEEDED");
    }

    @Test
    void twentyConcurrentDeclinedChargesStoreOneDeclineAndAnswerAlike() throws Exception {
        UUID orderId = UUID.randomUUID();
        List<Answer> answers = concurrently(() -> post(PAYMENTS, charge(orderId, 4999, "4000000000000002"), null));

        assertThat(answers).extracting(Answer::status).containsOnly(402);
        assertThat(answers.stream().map(Answer::body).collect(Collectors.toSet())).hasSize(1);
        assertThat(countPayments(orderId)).isEqualTo(1);
        assertThat(storedStatus(orderId)).isEqualTo("DECLINED");
    }

    @Test
    void twentyConcurrentRefundsRefundOnceAndAnswerAlike() throws Exception {
        UUID orderId = UUID.randomUUID();
        String created = postCharge(charge(orderId, 1500, "4242424242424242")).expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        String paymentId = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        List<Answer> answers = concurrently(() -> post(PAYMENTS + "/" + paymentId + "/refund", null, null));

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        Set<String> bodies = answers.stream().map(Answer::body).collect(Collectors.toSet());
        assertThat(bodies).hasSize(1);
        assertThat(bodies.iterator().next()).contains("\"status\":\"REFUNDED\"").contains("\"refundedAt\"");
        assertThat(storedStatus(orderId)).isEqualTo("REFUNDED");
    }

    @Test
    void concurrentRefundsWithOneIdempotencyKeyRefundOnce() throws Exception {
        UUID orderId = UUID.randomUUID();
        String created = postCharge(charge(orderId, 1500, "4242424242424242")).expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        String paymentId = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String key = "refund-" + paymentId;

        // common's idempotency layer: one execution; duplicates in flight get 409 (A8),
        // later ones the replay
        List<Answer> answers = concurrently(() -> post(PAYMENTS + "/" + paymentId + "/refund", null, key));
        assertThat(answers).extracting(Answer::status).containsOnly(200, 409).contains(200);
        assertThat(answers.stream().filter(a -> a.status() == 200).map(Answer::body).collect(Collectors.toSet()))
            .hasSize(1);

        Answer after = post(PAYMENTS + "/" + paymentId + "/refund", null, key);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.replayed()).isTrue();
        assertThat(storedStatus(orderId)).isEqualTo("REFUNDED");
    }

    private List<Answer> concurrently(Callable<Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** One blocking call on its own thread (a WebClient, so the calls really overlap). */
    private Answer post(String path, Map<String, Object> body, String key) {
        WebClient.RequestBodySpec request = WebClient.create("http://localhost:" + port).post().uri(path).headers(h -> {
            h.setBearerAuth(serviceToken());
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON);
        return (body == null ? request : request.bodyValue(body))
            .exchangeToMono(response -> response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(text -> new Answer(response.statusCode().value(), text,
                        "true".equals(response.headers().asHttpHeaders().getFirst("Idempotent-Replayed")))))
            .block(Duration.ofSeconds(30));
    }

    record Answer(int status, String body, boolean replayed) {
    }

}
