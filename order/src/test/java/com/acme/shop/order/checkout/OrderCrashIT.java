package com.acme.shop.order.checkout;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.acme.shop.order.FakeAuth;
import com.acme.shop.order.FakePayment;
import com.acme.shop.order.OrderApplication;
import com.acme.shop.order.OrderServerTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 3 with a real crash: the order service runs as its own process, 30 buyers
 * check out at once, the process is killed (SIGKILL) while checkouts are in flight and
 * started again; its recovery job then finishes or compensates every checkout. Afterwards
 * every order is PAID with exactly one charge, or not paid with none; no charge exists
 * without a PAID order; and the stock adds up.
 */
class OrderCrashIT extends OrderServerTestSupport {

    private static final int BUYERS = 30;

    private static final int STOCK = 100;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process process;

    /** The actuator's port (health), the same for both runs of the service. */
    private int managementPort;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private Process start(int port, String name) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OrderApplication.class.getName());
        Map<String, String> args = new HashMap<>(databaseProperties());
        args.put("server.port", String.valueOf(port));
        args.put("management.server.port", String.valueOf(managementPort));
        args.put("shop.jwt.jwks-uri", TOKENS.jwksUri());
        args.put("shop.order.auth-url", AUTH.url());
        args.put("shop.order.product-url", PRODUCT.url());
        args.put("shop.order.payment-url", PAYMENT.url());
        args.put("shop.order.service-secret", FakeAuth.SECRET);
        args.put("shop.order.call-timeout", "1s");
        args.put("shop.order.checkout-deadline", "2s");
        args.put("shop.order.recovery-after", "3s");
        args.put("shop.order.recovery-interval", "1s");
        args.forEach((key, value) -> command.add("--" + key + "=" + value));
        File log = Path.of("target", "order-crash-" + name + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log))
            .start();
    }

    private void awaitHealthy() {
        Awaits.until(Duration.ofSeconds(120), () -> {
            try {
                return client
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode() == 200;
            }
            catch (Exception ex) {
                return false;
            }
        });
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void killingTheOrderProcessMidCheckoutLeavesEveryOrderPaidWithOneChargeOrUnpaidWithNone() throws Exception {
        UUID product = PRODUCT.add("Crash Stock", 1000, STOCK);
        List<UUID> buyers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            UUID buyer = UUID.randomUUID();
            String token = user(buyer);
            putItem(token, product, 1 + i % 3).expectStatus().isOk();
            buyers.add(buyer);
            tokens.add(token);
        }
        int port = freePort();
        do {
            managementPort = freePort();
        }
        while (managementPort == port);
        process = start(port, "first");
        awaitHealthy();
        // every step takes a while, so the kill finds checkouts in every step
        PRODUCT.reserveDelay(Duration.ofMillis(150));
        PAYMENT.hangAfterRecording(Duration.ofMillis(400));
        int chargesBefore = PAYMENT.chargeRequests();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            inFlight.add(
                    client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + tokens.get(i))
                        .header("Idempotency-Key", "crash-" + UUID.randomUUID())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"payment\":{\"cardNumber\":\""
                                + (i % 5 == 4 ? "4000000000000002" : "4242424242424242")
                                + "\",\"expiry\":\"12/39\",\"cvc\":\"123\"}}"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
        }
        Awaits.until(Duration.ofSeconds(60), () -> PAYMENT.chargeRequests() - chargesBefore >= 8);
        process.destroyForcibly().waitFor();
        Instant killedAt = Instant.now();
        long answered = inFlight.stream().filter(f -> {
            try {
                return f.handle((r, e) -> r != null && r.statusCode() == 201).get();
            }
            catch (Exception ex) {
                return false;
            }
        }).count();
        long unfinished = count("SELECT count(*) FROM orders.orders WHERE step <> 'DONE'");
        PRODUCT.reserveDelay(Duration.ZERO);
        PAYMENT.hangAfterRecording(Duration.ZERO);

        process = start(port, "second");
        awaitHealthy();
        Awaits.until(Duration.ofSeconds(90),
                () -> count("SELECT count(*) FROM orders.orders WHERE step <> 'DONE'") == 0);
        Duration recoveredIn = Duration.between(killedAt, Instant.now());

        long paid = 0;
        long failed = 0;
        long paidUnits = 0;
        for (UUID buyer : buyers) {
            List<Map<String, Object>> orders = db.sql("SELECT o.id, o.status, (SELECT sum(quantity) FROM "
                    + "orders.order_items i WHERE i.order_id = o.id) AS units FROM orders.orders o WHERE user_id = $1")
                .bind(0, buyer)
                .fetch()
                .all()
                .collectList()
                .block();
            assertThat(orders).hasSizeLessThanOrEqualTo(1);
            for (Map<String, Object> order : orders) {
                UUID id = (UUID) order.get("id");
                String status = (String) order.get("status");
                if (status.equals("PAID")) {
                    paid++;
                    paidUnits += ((Number) order.get("units")).longValue();
                    assertThat(PAYMENT.captured(id)).as("charges of paid order %s", id).isEqualTo(1);
                    assertThat(PRODUCT.reservation(id).status()).isEqualTo("CONFIRMED");
                }
                else {
                    failed++;
                    assertThat(status).isEqualTo("PAYMENT_FAILED");
                    assertThat(PAYMENT.captured(id)).as("charges of failed order %s", id).isZero();
                    assertThat(PRODUCT.reservation(id).status()).isEqualTo("RELEASED");
                }
            }
        }
        // no charge without a PAID order (deleted orders charged nothing)
        List<UUID> charged = PAYMENT.all()
            .stream()
            .filter(p -> p.status().equals("SUCCEEDED"))
            .map(FakePayment.Payment::orderId)
            .toList();
        for (UUID order : charged) {
            assertThat(status(order)).as("order of charge %s", order).isEqualTo("PAID");
        }
        assertThat(PRODUCT.reserved(product)).isZero();
        assertThat(PRODUCT.sold(product)).isEqualTo(paidUnits);
        assertThat(PRODUCT.stock(product) + PRODUCT.sold(product)).isEqualTo(STOCK);
        System.out.printf(
                "crash test: %d buyers, %d answered 201 before the kill, %d checkouts unfinished at the kill; after "
                        + "recovery (%d s): %d PAID (%d units) with one charge each, %d PAYMENT_FAILED, %d without "
                        + "an order; charge requests %d; stock %d before, available %d + sold %d after%n",
                BUYERS, answered, unfinished, recoveredIn.toSeconds(), paid, paidUnits, failed, BUYERS - paid - failed,
                PAYMENT.chargeRequests() - chargesBefore, STOCK, PRODUCT.stock(product), PRODUCT.sold(product));
    }

}
