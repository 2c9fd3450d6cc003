package com.acme.shop.order;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;

/**
 * A payment service for the tests, with the contract of the real one (module payment):
 * one payment per order id (a repeat returns the stored one), the documented test cards,
 * refunds. Faults: {@link #failAfterRecording(int)} records the next charges but answers
 * 503 (the answer is lost, as payment's failure mode "after");
 * {@link #hangAfterRecording(Duration)} records, then answers only after a delay (longer
 * than order's call timeout); {@link #crash()} stops the server abruptly (open
 * connections are closed without an answer, new ones refused) and {@link #restart()}
 * brings it back on the same port with the payments recorded so far, like a payment
 * process that is killed and started again on its database.
 */
public final class FakePayment implements AutoCloseable {

    public record Payment(UUID id, UUID orderId, String status, long amount, String last4, String declineCode) {
    }

    private volatile StubServer server;

    private final int port;

    private volatile boolean crashed;

    private final Map<UUID, Payment> payments = new ConcurrentHashMap<>();

    private final AtomicInteger chargeRequests = new AtomicInteger();

    private final AtomicInteger failAfterRecording = new AtomicInteger();

    private volatile Duration hangAfterRecording = Duration.ZERO;

    private volatile boolean down;

    public FakePayment() {
        server = routes(StubServer.start());
        port = server.port();
    }

    private StubServer routes(StubServer server) {
        return server.on(request -> down, request -> Reply.json(503, "{\"status\":503}"))
            .onAsync(request -> request.method().equals("POST") && request.path().equals("/internal/payments"),
                    request -> {
                        if (!authorized(request)) {
                            return CompletableFuture.completedFuture(Reply.json(401, "{}"));
                        }
                        Reply reply = charge(request.body());
                        Duration hang = hangAfterRecording;
                        if (hang.isZero()) {
                            return CompletableFuture.completedFuture(reply);
                        }
                        Executor later = CompletableFuture.delayedExecutor(hang.toMillis(),
                                java.util.concurrent.TimeUnit.MILLISECONDS);
                        return CompletableFuture.supplyAsync(() -> reply, later);
                    })
            .on(request -> request.method().equals("GET") && request.path().equals("/internal/payments"),
                    request -> authorized(request) ? find(request.uri()) : Reply.json(401, "{}"))
            .on(request -> request.method().equals("POST") && request.path().endsWith("/refund"),
                    request -> authorized(request) ? refund(request.path()) : Reply.json(401, "{}"));
    }

    private static boolean authorized(StubServer.Request request) {
        String token = request.bearerToken();
        return token != null && token.startsWith("svc-shop-payment-");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Kills the server: the listening socket and every open connection are closed at
     * once, answers still pending are never sent, and connections are refused until
     * {@link #restart()}. Payments recorded before stay (they are in payment's database).
     */
    public synchronized void crash() {
        crashed = true;
        server.close();
    }

    /** Starts the server again on the same port (waits until the port can be bound). */
    public synchronized void restart() {
        if (!crashed) {
            return;
        }
        java.time.Instant until = java.time.Instant.now().plusSeconds(30);
        while (true) {
            try {
                server = routes(StubServer.start(port));
                crashed = false;
                return;
            }
            catch (java.io.UncheckedIOException ex) {
                if (java.time.Instant.now().isAfter(until)) {
                    throw ex;
                }
                Thread.onSpinWait();
            }
        }
    }

    public boolean crashed() {
        return crashed;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void failAfterRecording(int times) {
        failAfterRecording.set(times);
    }

    public void hangAfterRecording(Duration delay) {
        hangAfterRecording = delay;
    }

    public void reset() {
        restart();
        down = false;
        failAfterRecording.set(0);
        hangAfterRecording = Duration.ZERO;
    }

    public int chargeRequests() {
        return chargeRequests.get();
    }

    public Payment payment(UUID orderId) {
        return payments.get(orderId);
    }

    /** Records a payment as if payment had charged it (recovery tests). */
    public void record(UUID orderId, String status, long amount) {
        payments.put(orderId, new Payment(UUID.randomUUID(), orderId, status, amount, "4242",
                status.equals("DECLINED") ? "card_declined" : null));
    }

    /** Charges of the order that took money and were not refunded. */
    public long captured(UUID orderId) {
        Payment payment = payments.get(orderId);
        return payment != null && payment.status().equals("SUCCEEDED") ? 1 : 0;
    }

    public List<Payment> all() {
        return List.copyOf(payments.values());
    }

    @SuppressWarnings("unchecked")
    private synchronized Reply charge(String body) {
        chargeRequests.incrementAndGet();
        Map<String, Object> request = FakeProduct.JSON.readValue(body, Map.class);
        UUID orderId = UUID.fromString((String) request.get("orderId"));
        long amount = ((Number) ((Map<String, Object>) request.get("amount")).get("amount")).longValue();
        String number = ((String) ((Map<String, Object>) request.get("card")).get("number")).replace(" ", "");
        Payment payment = payments.get(orderId);
        if (payment == null) {
            if (number.endsWith("0119")) {
                return Reply.json(503, "{\"status\":503,\"code\":\"processing_error\"}");
            }
            String last4 = number.substring(number.length() - 4);
            String decline = number.equals("4000000000000002") ? "card_declined"
                    : number.equals("4000000000009995") ? "insufficient_funds" : null;
            payment = new Payment(UUID.randomUUID(), orderId, decline == null ? "SUCCEEDED" : "DECLINED", amount, last4,
                    decline);
            payments.put(orderId, payment);
            if (failAfterRecording.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Reply.json(503, "{\"status\":503,\"code\":\"processing_error\"}");
            }
        }
        return answer(payment);
    }

    private static Reply answer(Payment payment) {
        if (payment.status().equals("DECLINED")) {
            return Reply.json(402, FakeProduct.JSON.writeValueAsString(Map.of("status", 402, "code",
                    payment.declineCode(), "orderId", payment.orderId().toString(), "last4", payment.last4())));
        }
        return Reply.json(201, json(payment));
    }

    private synchronized Reply find(String uri) {
        UUID orderId = UUID.fromString(uri.substring(uri.indexOf("orderId=") + "orderId=".length()));
        Payment payment = payments.get(orderId);
        return payment == null ? Reply.json(404, "{\"status\":404}") : Reply.json(200, json(payment));
    }

    private synchronized Reply refund(String path) {
        UUID id = UUID.fromString(path.split("/")[3]);
        Payment payment = payments.values().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        if (payment == null) {
            return Reply.json(404, "{\"status\":404}");
        }
        if (payment.status().equals("DECLINED")) {
            return Reply.json(409, "{\"status\":409}");
        }
        Payment refunded = new Payment(payment.id(), payment.orderId(), "REFUNDED", payment.amount(), payment.last4(),
                null);
        payments.put(payment.orderId(), refunded);
        return Reply.json(200, json(refunded));
    }

    private static String json(Payment payment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", payment.id().toString());
        view.put("orderId", payment.orderId().toString());
        view.put("status", payment.status());
        view.put("amount", Map.of("amount", payment.amount(), "currency", "EUR"));
        view.put("last4", payment.last4());
        view.put("fingerprint", "f".repeat(64));
        if (payment.declineCode() != null) {
            view.put("declineCode", payment.declineCode());
        }
        view.put("createdAt", "2026-12-02T10:00:00Z");
        return FakeProduct.JSON.writeValueAsString(view);
    }

    @Override
    public void close() {
        server.close();
    }

}
