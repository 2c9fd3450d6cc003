package com.acme.shop.order.checkout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.acme.shop.order.FakePayment;
import com.acme.shop.order.OrderServerTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 3 when payment dies: 30 buyers check out at once, and the payment service
 * goes away in the middle (its server is stopped abruptly: charges it recorded stay in
 * its database, but their answers are never sent, open connections are cut and new ones
 * refused) until every checkout has answered, then comes back. The recovery job then
 * finishes or compensates every checkout, and each buyer who got no final answer retries
 * with the same key. Afterwards every buyer has one order, PAID with exactly one charge
 * or PAYMENT_FAILED with none; every charge belongs to a PAID order; the stock adds up.
 * <p>
 * The real payment module is not started here: it is another Spring Boot application with
 * its own schema and is not on order's test classpath ({@code -pl order -am} does not
 * build it), so {@link FakePayment}, which keeps its contract, dies instead.
 */
class PaymentCrashIT extends OrderServerTestSupport {

    private static final int BUYERS = 30;

    private static final int STOCK = 100;

    private static final int WAVE = 10;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    RecoveryJob recovery;

    @AfterEach
    void paymentIsBack() {
        PAYMENT.restart();
        PAYMENT.reset();
        PRODUCT.reserveDelay(Duration.ZERO);
    }

    private CompletableFuture<HttpResponse<String>> checkoutAsync(String token, String key, String card) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers
                .ofString("{\"payment\":{\"cardNumber\":\"" + card + "\",\"expiry\":\"12/39\",\"cvc\":\"123\"}}"))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int statusOf(CompletableFuture<HttpResponse<String>> answer) {
        return answer.handle((response, error) -> response == null ? -1 : response.statusCode()).join();
    }

    private long unfinished(List<UUID> buyers) {
        return buyers.stream()
            .mapToLong(
                    buyer -> count("SELECT count(*) FROM orders.orders WHERE user_id = $1 AND step <> 'DONE'", buyer))
            .sum();
    }

    @Test
    void paymentDyingMidCheckoutLeavesEveryOrderPaidWithOneChargeOrUnpaidWithNone() {
        UUID product = PRODUCT.add("Payment Crash Stock", 1000, STOCK);
        List<UUID> buyers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            UUID buyer = UUID.randomUUID();
            String token = user(buyer);
            putItem(token, product, 1 + i % 3).expectStatus().isOk();
            buyers.add(buyer);
            tokens.add(token);
            keys.add("payment-crash-" + UUID.randomUUID());
            cards.add(i % 5 == 4 ? "4000000000000002" : "4242424242424242");
        }
        // every step takes a while, so the crash finds charges recorded but not answered
        PRODUCT.reserveDelay(Duration.ofMillis(100));
        PAYMENT.hangAfterRecording(Duration.ofMillis(400));
        int chargesBefore = PAYMENT.chargeRequests();
        Set<UUID> earlierPayments = PAYMENT.all()
            .stream()
            .map(FakePayment.Payment::orderId)
            .collect(Collectors.toSet());
        // two waves: the first has answers when payment dies, the second is in flight
        List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
        for (int i = 0; i < WAVE; i++) {
            first.add(checkoutAsync(tokens.get(i), keys.get(i), cards.get(i)));
        }
        Awaits.until(Duration.ofSeconds(60),
                () -> first.stream().filter(CompletableFuture::isDone).count() >= WAVE / 2);
        for (int i = WAVE; i < BUYERS; i++) {
            first.add(checkoutAsync(tokens.get(i), keys.get(i), cards.get(i)));
        }
        Awaits.until(Duration.ofSeconds(60), () -> PAYMENT.chargeRequests() - chargesBefore >= WAVE + 8);
        PAYMENT.crash();
        int chargesAtCrash = PAYMENT.chargeRequests() - chargesBefore;
        Instant crashedAt = Instant.now();
        // payment stays down until every checkout has answered (each gives up at its
        // deadline)
        Map<Integer, Integer> firstAnswers = new TreeMap<>();
        first.forEach(answer -> firstAnswers.merge(statusOf(answer), 1, Integer::sum));
        long unfinishedAtRestart = unfinished(buyers);
        PAYMENT.hangAfterRecording(Duration.ZERO);
        PRODUCT.reserveDelay(Duration.ZERO);
        PAYMENT.restart();

        Awaits.until(Duration.ofSeconds(90), () -> {
            recovery.runOnce().block();
            return unfinished(buyers) == 0;
        });
        Duration recoveredIn = Duration.between(crashedAt, Instant.now());

        // buyers without a final answer retry with the same key: the first order's
        // answer, or a new checkout
        Map<Integer, Integer> retryAnswers = new TreeMap<>();
        for (int i = 0; i < BUYERS; i++) {
            int status = statusOf(first.get(i));
            if (status != 201 && status != 402) {
                int retried = statusOf(checkoutAsync(tokens.get(i), keys.get(i), cards.get(i)));
                retryAnswers.merge(retried, 1, Integer::sum);
                assertThat(retried).as("retry of buyer %d", i).isIn(201, 402);
            }
        }

        long paid = 0;
        long failed = 0;
        long paidUnits = 0;
        for (int i = 0; i < BUYERS; i++) {
            List<Map<String, Object>> orders = db.sql("SELECT o.id, o.status, o.step, (SELECT sum(quantity) FROM "
                    + "orders.order_items i WHERE i.order_id = o.id) AS units FROM orders.orders o WHERE user_id = $1")
                .bind(0, buyers.get(i))
                .fetch()
                .all()
                .collectList()
                .block();
            assertThat(orders).as("orders of buyer %d", i).hasSize(1);
            Map<String, Object> order = orders.get(0);
            UUID id = (UUID) order.get("id");
            assertThat(order.get("step")).isEqualTo("DONE");
            if (order.get("status").equals("PAID")) {
                paid++;
                paidUnits += ((Number) order.get("units")).longValue();
                assertThat(cards.get(i)).isEqualTo("4242424242424242");
                assertThat(PAYMENT.captured(id)).as("charges of paid order %s", id).isEqualTo(1);
                assertThat(PRODUCT.reservation(id).status()).isEqualTo("CONFIRMED");
            }
            else {
                failed++;
                assertThat(order.get("status")).isEqualTo("PAYMENT_FAILED");
                assertThat(cards.get(i)).isEqualTo("4000000000000002");
                assertThat(PAYMENT.captured(id)).as("charges of failed order %s", id).isZero();
                assertThat(PRODUCT.reservation(id).status()).isEqualTo("RELEASED");
            }
        }
        // every payment of this test belongs to an order in the matching state (no charge
        // without a PAID order)
        long charges = 0;
        for (FakePayment.Payment payment : PAYMENT.all()) {
            if (earlierPayments.contains(payment.orderId())) {
                continue;
            }
            if (count("SELECT count(*) FROM orders.orders WHERE id = $1", payment.orderId()) == 0) {
                assertThat(payment.status()).as("payment of a deleted order %s", payment.orderId())
                    .isNotEqualTo("SUCCEEDED");
                continue;
            }
            if (payment.status().equals("SUCCEEDED")) {
                charges++;
                assertThat(status(payment.orderId())).as("order of charge %s", payment.orderId()).isEqualTo("PAID");
            }
            else {
                assertThat(status(payment.orderId())).isEqualTo("PAYMENT_FAILED");
            }
        }
        assertThat(charges).isEqualTo(paid);
        assertThat(paid + failed).isEqualTo(BUYERS);
        assertThat(PRODUCT.reserved(product)).isZero();
        assertThat(PRODUCT.sold(product)).isEqualTo(paidUnits);
        assertThat(PRODUCT.stock(product) + PRODUCT.sold(product)).isEqualTo(STOCK);
        System.out.printf("payment crash test: %d buyers; payment killed after %d charge requests; first answers "
                + "%s (-1 = no answer); %d checkouts unfinished when payment came back; recovery done %d s after "
                + "the crash; retries with the same key %s; result: %d PAID (%d units) with exactly one charge each, "
                + "%d PAYMENT_FAILED with none, %d successful charges in all, %d charge requests in all; stock %d "
                + "before, available %d + sold %d + reserved %d after%n", BUYERS, chargesAtCrash, firstAnswers,
                unfinishedAtRestart, recoveredIn.toSeconds(), retryAnswers, paid, paidUnits, failed, charges,
                PAYMENT.chargeRequests() - chargesBefore, STOCK, PRODUCT.stock(product), PRODUCT.sold(product),
                PRODUCT.reserved(product));
    }

}
