package com.acme.shop.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;
import tools.jackson.databind.json.JsonMapper;

/**
 * A product service for the tests, with the contract of the real one (branch h/product):
 * public product views and stock reservations keyed by order id (all or nothing; confirm
 * and release exactly once). Failures can be switched on: every call 503
 * ({@link #down(boolean)}).
 */
public final class FakeProduct implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public record Item(UUID productId, String sku, String name, long price, int quantity) {
    }

    public record Reservation(UUID orderId, String status, List<Item> items) {
    }

    private final StubServer server = StubServer.start();

    private final Map<UUID, Map<String, Object>> products = new ConcurrentHashMap<>();

    private final Map<UUID, Reservation> reservations = new ConcurrentHashMap<>();

    private final AtomicInteger reserveCalls = new AtomicInteger();

    private volatile boolean down;

    private volatile Duration reserveDelay = Duration.ZERO;

    public FakeProduct() {
        server.on(request -> down, request -> Reply.json(503, "{\"status\":503}"))
            .on(request -> request.method().equals("GET") && request.path().startsWith("/api/products/"),
                    request -> product(request.path().substring("/api/products/".length())))
            .on(request -> request.method().equals("POST") && request.path().equals("/internal/reservations"),
                    request -> authorized(request) ? reserve(request.body()).delayed(reserveDelay)
                            : Reply.json(401, "{}"))
            .on(request -> request.method().equals("POST") && request.path().startsWith("/internal/reservations/"),
                    request -> authorized(request) ? transition(request.path()) : Reply.json(401, "{}"));
    }

    private static boolean authorized(StubServer.Request request) {
        String token = request.bearerToken();
        return token != null && token.startsWith("svc-shop-product-");
    }

    public String url() {
        return server.url();
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void reserveDelay(Duration delay) {
        this.reserveDelay = delay;
    }

    public int reserveCalls() {
        return reserveCalls.get();
    }

    /** Adds an active product and returns its id. */
    public UUID add(String name, long price, int stock) {
        UUID id = UUID.randomUUID();
        return add(id, "SKU-" + id.toString().substring(0, 8).toUpperCase(), name, price, stock);
    }

    /**
     * Adds (or replaces) an active product with a fixed id, e.g. the one the API
     * document's examples name.
     */
    public synchronized UUID add(UUID id, String sku, String name, long price, int stock) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", id.toString());
        product.put("sku", sku);
        product.put("name", name);
        product.put("description", "A test product");
        product.put("price", Map.of("amount", price, "currency", "EUR"));
        product.put("stock", stock);
        product.put("imageUrl", "/images/products/test.svg");
        product.put("active", true);
        products.put(id, product);
        return id;
    }

    public synchronized void setPrice(UUID id, long price) {
        products.get(id).put("price", Map.of("amount", price, "currency", "EUR"));
    }

    public synchronized void rename(UUID id, String name) {
        products.get(id).put("name", name);
    }

    /** Soft delete: the product is gone from the catalog. */
    public synchronized void delete(UUID id) {
        products.get(id).put("active", false);
    }

    public synchronized int stock(UUID id) {
        return (Integer) products.get(id).get("stock");
    }

    /** Units of the product held by RESERVED reservations. */
    public synchronized int reserved(UUID id) {
        return units(id, "RESERVED");
    }

    /** Units of the product in CONFIRMED reservations. */
    public synchronized int sold(UUID id) {
        return units(id, "CONFIRMED");
    }

    private int units(UUID id, String status) {
        return reservations.values()
            .stream()
            .filter(r -> r.status().equals(status))
            .flatMap(r -> r.items().stream())
            .filter(i -> i.productId().equals(id))
            .mapToInt(Item::quantity)
            .sum();
    }

    public Reservation reservation(UUID orderId) {
        return reservations.get(orderId);
    }

    /** Puts a reservation in place as if product had made it (recovery tests). */
    public synchronized void reserveDirectly(UUID orderId, UUID productId, int quantity) {
        Map<String, Object> product = products.get(productId);
        product.put("stock", (Integer) product.get("stock") - quantity);
        reservations.put(orderId, new Reservation(orderId, "RESERVED", List.of(new Item(productId,
                (String) product.get("sku"), (String) product.get("name"), price(product), quantity))));
    }

    private static long price(Map<String, Object> product) {
        return ((Number) ((Map<?, ?>) product.get("price")).get("amount")).longValue();
    }

    private synchronized Reply product(String id) {
        Map<String, Object> product;
        try {
            product = products.get(UUID.fromString(id));
        }
        catch (IllegalArgumentException ex) {
            product = null;
        }
        if (product == null || !Boolean.TRUE.equals(product.get("active"))) {
            return Reply.json(404, "{\"status\":404}");
        }
        return Reply.json(200, JSON.writeValueAsString(product));
    }

    @SuppressWarnings("unchecked")
    private synchronized Reply reserve(String body) {
        reserveCalls.incrementAndGet();
        Map<String, Object> request = JSON.readValue(body, Map.class);
        UUID orderId = UUID.fromString((String) request.get("orderId"));
        Reservation existing = reservations.get(orderId);
        if (existing != null) {
            return Reply.json(200, JSON.writeValueAsString(view(existing)));
        }
        List<Map<String, Object>> lines = (List<Map<String, Object>>) request.get("items");
        List<Map<String, Object>> shortages = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            UUID productId = UUID.fromString((String) line.get("productId"));
            int quantity = ((Number) line.get("quantity")).intValue();
            Map<String, Object> product = products.get(productId);
            if (product == null || !Boolean.TRUE.equals(product.get("active"))) {
                shortages.add(Map.of("productId", productId.toString(), "requested", quantity, "available", 0, "reason",
                        "NOT_AVAILABLE"));
            }
            else if ((Integer) product.get("stock") < quantity) {
                shortages.add(Map.of("productId", productId.toString(), "requested", quantity, "available",
                        product.get("stock"), "reason", "INSUFFICIENT_STOCK"));
            }
        }
        if (!shortages.isEmpty()) {
            return Reply.json(409, JSON.writeValueAsString(Map.of("status", 409, "shortages", shortages)));
        }
        List<Item> items = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            UUID productId = UUID.fromString((String) line.get("productId"));
            int quantity = ((Number) line.get("quantity")).intValue();
            Map<String, Object> product = products.get(productId);
            product.put("stock", (Integer) product.get("stock") - quantity);
            items.add(new Item(productId, (String) product.get("sku"), (String) product.get("name"), price(product),
                    quantity));
        }
        Reservation reservation = new Reservation(orderId, "RESERVED", List.copyOf(items));
        reservations.put(orderId, reservation);
        return Reply.json(201, JSON.writeValueAsString(view(reservation)));
    }

    private synchronized Reply transition(String path) {
        String[] parts = path.split("/");
        UUID orderId = UUID.fromString(parts[3]);
        String action = parts[4];
        Reservation reservation = reservations.get(orderId);
        if (reservation == null) {
            return Reply.json(404, "{\"status\":404}");
        }
        if (action.equals("confirm")) {
            if (reservation.status().equals("RELEASED")) {
                return Reply.json(409, "{\"status\":409}");
            }
            reservation = new Reservation(orderId, "CONFIRMED", reservation.items());
        }
        else {
            if (!reservation.status().equals("RELEASED")) {
                for (Item item : reservation.items()) {
                    Map<String, Object> product = products.get(item.productId());
                    product.put("stock", (Integer) product.get("stock") + item.quantity());
                }
            }
            reservation = new Reservation(orderId, "RELEASED", reservation.items());
        }
        reservations.put(orderId, reservation);
        return Reply.json(200, JSON.writeValueAsString(view(reservation)));
    }

    private static Map<String, Object> view(Reservation reservation) {
        return Map.of("orderId", reservation.orderId().toString(), "status", reservation.status(), "items", reservation
            .items()
            .stream()
            .map(item -> Map.of("productId", item.productId().toString(), "sku", item.sku(), "name", item.name(),
                    "unitPrice", Map.of("amount", item.price(), "currency", "EUR"), "quantity", item.quantity()))
            .toList(), "createdAt", "2026-12-02T10:00:00Z");
    }

    @Override
    public void close() {
        server.close();
    }

}
