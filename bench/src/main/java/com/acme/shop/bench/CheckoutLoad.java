package com.acme.shop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkout's latency through the gateway (issue 11): buyers in parallel, each adding
 * one item to the cart ({@code POST /api/cart/items}) and checking out with the 4242 test
 * card under a new {@code Idempotency-Key}; only the {@code POST /api/orders} is timed.
 * The item is a product the harness creates as ADMIN with a large stock, so the demo
 * catalog is not emptied. Not wrk: every checkout needs its own key and a filled cart.
 */
final class CheckoutLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private static final String CARD = "{\"payment\":{\"cardNumber\":\"4242 4242 4242 4242\",\"expiry\":\"12/30\",\"cvc\":\"123\"}}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String gateway;

    CheckoutLoad(String gatewayUrl) {
        this.gateway = Urls.requireLoopback(gatewayUrl);
    }

    /** Latencies (ms) of the checkouts that answered 201, and every status seen. */
    record Result(int buyers, List<Double> millis, Map<Integer, Long> statuses, double seconds) {

        double percentile(double p) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        double perSecond() {
            return millis.size() / seconds;
        }

    }

    /** Creates the benchmark's product (stock 1,000,000) as ADMIN; its id. */
    String createProduct(String adminToken, String currency) {
        String sku = "BENCH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        String body = "{\"sku\":\"" + sku
                + "\",\"name\":\"Benchmark item\",\"description\":\"Created by bench/run.sh\","
                + "\"price\":{\"amount\":100,\"currency\":\"" + currency + "\"},\"stock\":1000000}";
        HttpResponse<String> response = send(
                request("/api/products", adminToken).header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "creating the benchmark product answered " + response.statusCode() + ": " + response.body());
        }
        Matcher m = ID.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no product id in " + response.body());
        }
        return m.group(1);
    }

    /** Each token a buyer, all checking out in parallel for {@code duration}. */
    Result run(List<String> buyerTokens, String productId, Duration duration) {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(buyerTokens.size());
        try {
            List<Future<?>> buyers = new ArrayList<>();
            for (String token : buyerTokens) {
                buyers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        HttpResponse<String> add = send(request("/api/cart/items", token)
                            .POST(HttpRequest.BodyPublishers
                                .ofString("{\"productId\":\"" + productId + "\",\"quantity\":1}"))
                            .build());
                        if (add.statusCode() != 200) {
                            statuses.computeIfAbsent(-add.statusCode(), k -> new AtomicLong()).incrementAndGet();
                            continue;
                        }
                        long t0 = System.nanoTime();
                        HttpResponse<String> order = send(
                                request("/api/orders", token).header("Idempotency-Key", UUID.randomUUID().toString())
                                    .POST(HttpRequest.BodyPublishers.ofString(CARD))
                                    .build());
                        double ms = (System.nanoTime() - t0) / 1e6;
                        statuses.computeIfAbsent(order.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        if (order.statusCode() == 201) {
                            millis.add(ms);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> buyer : buyers) {
                buyer.get();
            }
        }
        catch (Exception e) {
            throw new IllegalStateException("checkout load failed: " + e.getMessage(), e);
        }
        finally {
            pool.shutdownNow();
        }
        Map<Integer, Long> seen = new TreeMap<>();
        statuses.forEach((k, v) -> seen.put(k, v.get()));
        return new Result(buyerTokens.size(), List.copyOf(millis), seen, (System.nanoTime() - start) / 1e9);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(gateway + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

}
