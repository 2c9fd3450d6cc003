package com.acme.shop.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.shop.common.testing.StubServer.Reply;
import com.acme.shop.common.testing.StubServer.Request;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's APIs behind the stub gateway (shop.md shapes): products (public reads), the
 * cart (adds atomic, as the order service's {@code POST /api/cart/items}) and orders of
 * each user. Test cards: 4000 0000 0000 0002 → 402; an order while {@link #shortOfStock}
 * is set → 409 naming the item; {@link #productsDown} / {@link #ordersDown} → 503; a
 * product PUT with an If-Match other than its ETag → 412.
 */
public final class ShopStub {

    public static final String MUG_ID = "aaaaaaaa-0000-4000-8000-000000000001";

    public static final String LAMP_ID = "aaaaaaaa-0000-4000-8000-000000000002";

    public static final String XSS_ID = "aaaaaaaa-0000-4000-8000-000000000003";

    public static final String ORDER_ID = "bbbbbbbb-0000-4000-8000-000000000001";

    public static final String XSS_PRODUCT_NAME = "<img src=x onerror=alert(1)>Mug";

    public final Map<String, Map<String, Object>> products = new ConcurrentHashMap<>();

    /** The pictures of the featured products on the home page. */
    static final Map<String, String> HOME_IMAGES = Map.of(MUG_ID, "/images/products/enamel-camp-mug.svg", LAMP_ID,
            "/images/products/desk-lamp.svg");

    /** user id → (product id → quantity) */
    public final Map<String, Map<String, Integer>> carts = new ConcurrentHashMap<>();

    /** order id → (owner user id, order JSON) */
    public final Map<String, Map.Entry<String, Map<String, Object>>> orders = new ConcurrentHashMap<>();

    public final AtomicBoolean productsDown = new AtomicBoolean();

    public final AtomicBoolean ordersDown = new AtomicBoolean();

    public final AtomicBoolean shortOfStock = new AtomicBoolean();

    /**
     * How many order POSTs still get "409 in flight, Retry-After: 1" (as the gateway
     * answers a duplicate, A8).
     */
    public final AtomicInteger inFlightAnswers = new AtomicInteger();

    /**
     * Idempotency keys seen on POST /api/orders → order id (a replay returns the same
     * order).
     */
    public final Map<String, String> orderKeys = new ConcurrentHashMap<>();

    /**
     * Idempotency keys seen on POST /api/cart/items (user + key) → the request body and
     * the stored answer, as the gateway's Idempotency filter keeps them (A7, A10, A11).
     */
    public final Map<String, Map.Entry<String, Reply>> cartKeys = new ConcurrentHashMap<>();

    /**
     * How many keyed POST /api/cart/items still get "409 in flight, Retry-After: 1" (A8).
     */
    public final AtomicInteger cartInFlightAnswers = new AtomicInteger();

    /**
     * How many POST /api/cart/items reached the cart (not replayed, not refused by key).
     */
    public final AtomicInteger cartAdds = new AtomicInteger();

    void reset() {
        products.clear();
        carts.clear();
        orders.clear();
        orderKeys.clear();
        cartKeys.clear();
        cartAdds.set(0);
        cartInFlightAnswers.set(0);
        productsDown.set(false);
        ordersDown.set(false);
        shortOfStock.set(false);
        inFlightAnswers.set(0);
        products.put(MUG_ID, product(MUG_ID, "MUG-1", "Enamel Camp Mug", 1999, 25));
        products.put(LAMP_ID, product(LAMP_ID, "LAMP-1", "Desk Lamp", 4500, 2));
        products.put(XSS_ID, product(XSS_ID, "XSS-1", XSS_PRODUCT_NAME, 100, 0));
    }

    private static Map<String, Object> product(String id, String sku, String name, long amount, int stock) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", id);
        product.put("sku", sku);
        product.put("name", name);
        product.put("description", "A fine " + name);
        product.put("price", Map.of("amount", amount, "currency", "EUR"));
        product.put("stock", stock);
        product.put("imageUrl", "/images/products/" + sku.toLowerCase() + ".svg");
        product.put("active", true);
        product.put("createdAt", "2026-01-01T00:00:00Z");
        product.put("updatedAt", "2026-01-01T00:00:00Z");
        product.put("version", 3);
        return product;
    }

    /**
     * The bff's {@code featuredProducts}: the first {@code count} products by name, with
     * a product card's fields.
     */
    List<Map<String, Object>> featuredProducts(int count) {
        return products.values()
            .stream()
            .sorted((a, b) -> String.valueOf(a.get("name")).compareTo(String.valueOf(b.get("name"))))
            .limit(count)
            .map(p -> {
                Map<String, Object> card = new LinkedHashMap<>();
                for (String field : List.of("id", "sku", "name", "price", "stock")) {
                    card.put(field, p.get(field));
                }
                // pictures web-ui really serves (the browser suites fail on a 404), none
                // for the others
                card.put("imageUrl", HOME_IMAGES.get(p.get("id")));
                return card;
            })
            .toList();
    }

    /**
     * The bff's {@code latestOrders}: the user's (an admin's: all) newest {@code count}
     * orders without items and payment.
     */
    List<Map<String, Object>> latestOrders(String userId, boolean admin, int count) {
        return orders.values()
            .stream()
            .filter(entry -> admin || entry.getKey().equals(userId))
            .map(Map.Entry::getValue)
            .sorted((a, b) -> String.valueOf(b.get("number")).compareTo(String.valueOf(a.get("number"))))
            .limit(count)
            .map(order -> {
                Map<String, Object> summary = new LinkedHashMap<>();
                for (String field : List.of("id", "number", "status", "total", "currency", "createdAt")) {
                    summary.put(field, order.get(field));
                }
                return summary;
            })
            .toList();
    }

    /** Public product reads (no token needed); null when the request is not one. */
    Reply publicRead(Request request) {
        if (!request.method().equals("GET") || !request.path().startsWith("/api/products")) {
            return null;
        }
        if (productsDown.get()) {
            return json(503, problem(503, "Service Unavailable", null));
        }
        if (request.path().equals("/api/products")) {
            String query = request.uri().contains("q=") ? request.uri().replaceAll(".*[?&]q=([^&]*).*", "$1") : "";
            List<Map<String, Object>> content = products.values()
                .stream()
                .filter(p -> query.isEmpty()
                        || String.valueOf(p.get("name")).toLowerCase().contains(query.toLowerCase()))
                .sorted((a, b) -> String.valueOf(a.get("name")).compareTo(String.valueOf(b.get("name"))))
                .toList();
            return json(200, Map.of("content", content, "page",
                    Map.of("size", 12, "number", 0, "totalElements", content.size(), "totalPages", 1)));
        }
        Map<String, Object> product = products.get(request.path().substring("/api/products/".length()));
        return product == null ? json(404, problem(404, "Not Found", null))
                : json(200, product).header("ETag", "\"" + product.get("version") + "\"");
    }

    /**
     * Signed-in calls to products (writes), the cart and orders; null when not a shop
     * path.
     */
    @SuppressWarnings("unchecked")
    Reply handle(Request request, String userId, boolean admin) {
        String path = request.path();
        String method = request.method();
        if (path.startsWith("/api/products")) {
            if (!admin) {
                return json(403, problem(403, "Forbidden", null));
            }
            if (method.equals("POST")) {
                Map<String, Object> body = JsonMapper.shared().readValue(request.body(), Map.class);
                if ("DUPE".equals(body.get("sku"))) {
                    return json(409, problem(409, "Conflict", "SKU DUPE is already in use"));
                }
                return json(201, product("cccccccc-0000-4000-8000-000000000009", String.valueOf(body.get("sku")),
                        String.valueOf(body.get("name")), 1, 1));
            }
            String id = path.substring("/api/products/".length());
            Map<String, Object> product = products.get(id);
            if (product == null) {
                return json(404, problem(404, "Not Found", null));
            }
            if (method.equals("PUT")) {
                String ifMatch = request.header("if-match");
                if (ifMatch != null && !ifMatch.equals("\"" + product.get("version") + "\"")) {
                    return json(412, problem(412, "Precondition Failed", null));
                }
                return json(200, product);
            }
            if (method.equals("DELETE")) {
                products.remove(id);
                return Reply.status(204);
            }
            return publicRead(request);
        }
        if (ordersDown.get() && (path.startsWith("/api/cart") || path.startsWith("/api/orders"))) {
            return json(503, problem(503, "Service Unavailable", null));
        }
        if (path.equals("/api/cart") && method.equals("GET")) {
            return json(200, cart(userId));
        }
        if (path.equals("/api/cart/items") && method.equals("POST")) {
            return idempotentAdd(request, userId);
        }
        if (path.startsWith("/api/cart/items/")) {
            String productId = path.substring("/api/cart/items/".length());
            Map<String, Integer> cart = carts.computeIfAbsent(userId, u -> new ConcurrentHashMap<>());
            if (method.equals("DELETE")) {
                cart.remove(productId);
                return json(200, cart(userId));
            }
            Map<String, Object> product = products.get(productId);
            if (product == null) {
                return json(404, problem(404, "Not Found", null));
            }
            int quantity = ((Number) JsonMapper.shared().readValue(request.body(), Map.class).get("quantity"))
                .intValue();
            if (quantity > (Integer) product.get("stock")) {
                return json(409, problem(409, "Conflict",
                        "Only " + product.get("stock") + " of " + product.get("name") + " in stock"));
            }
            cart.put(productId, quantity);
            return json(200, cart(userId));
        }
        if (path.equals("/api/orders") && method.equals("POST")) {
            return placeOrder(request, userId);
        }
        if (path.equals("/api/orders") && method.equals("GET")) {
            List<Map<String, Object>> own = orders.values()
                .stream()
                .filter(e -> admin || e.getKey().equals(userId))
                .map(Map.Entry::getValue)
                .toList();
            return json(200, Map.of("content", own, "page",
                    Map.of("size", 10, "number", 0, "totalElements", own.size(), "totalPages", 1)));
        }
        if (path.startsWith("/api/orders/")) {
            String rest = path.substring("/api/orders/".length());
            String id = rest.replace("/cancel", "");
            var order = orders.get(id);
            if (order == null || !(admin || order.getKey().equals(userId))) {
                return json(404, problem(404, "Not Found", null));
            }
            if (rest.endsWith("/cancel") && method.equals("POST")) {
                Map<String, Object> cancelled = new LinkedHashMap<>(order.getValue());
                cancelled.put("status", "CANCELLED");
                orders.put(id, Map.entry(order.getKey(), cancelled));
                return json(200, cancelled);
            }
            return json(200, order.getValue());
        }
        return null;
    }

    /**
     * The gateway's Idempotency filter on {@code POST /api/cart/items} (the key is
     * optional): the same user and key with the same body → the stored answer with
     * {@code Idempotent-Replayed: true}, the cart untouched; with another body → 422. 2xx
     * and 4xx answers other than 409 and 429 are stored (A11).
     */
    private synchronized Reply idempotentAdd(Request request, String userId) {
        String key = request.header("idempotency-key");
        if (key == null) {
            return addToCart(request, userId);
        }
        if (cartInFlightAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return json(409, problem(409, "Conflict", "A request with this key is in progress")).header("Retry-After",
                    "1");
        }
        var stored = cartKeys.get(userId + "\n" + key);
        if (stored != null) {
            if (!stored.getKey().equals(request.body())) {
                return json(422,
                        problem(422, "Unprocessable Content", "The Idempotency-Key was used with another request"));
            }
            return stored.getValue().header("Idempotent-Replayed", "true");
        }
        Reply reply = addToCart(request, userId);
        if (reply.status() < 500 && reply.status() != 409 && reply.status() != 429) {
            cartKeys.put(userId + "\n" + key, Map.entry(request.body(), reply));
        }
        return reply;
    }

    /**
     * {@code POST /api/cart/items {productId, quantity?}} as the order service answers
     * it: adds {@code quantity} (default 1, 1–99 else 400) to the line in one atomic
     * step; 404 unknown product; 409 when the line would hold more than min(stock, 99),
     * nothing changed.
     */
    @SuppressWarnings("unchecked")
    private Reply addToCart(Request request, String userId) {
        Map<String, Object> body = JsonMapper.shared().readValue(request.body(), Map.class);
        Object productId = body.get("productId");
        Object quantityValue = body.get("quantity");
        if (!(productId instanceof String id) || !id.matches("[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}")) {
            return json(400, problem(400, "Bad Request", "productId must be a UUID"));
        }
        if (quantityValue != null && !(quantityValue instanceof Integer)) {
            return json(400, problem(400, "Bad Request", "quantity must be a number from 1 to 99"));
        }
        int quantity = quantityValue == null ? 1 : (Integer) quantityValue;
        if (quantity < 1 || quantity > 99) {
            return json(400, problem(400, "Bad Request", "quantity must be a number from 1 to 99"));
        }
        Map<String, Object> product = products.get(id);
        if (product == null) {
            return json(404, problem(404, "Not Found", "Product not found."));
        }
        cartAdds.incrementAndGet();
        int stock = (Integer) product.get("stock");
        int limit = Math.min(99, stock);
        Map<String, Integer> cart = carts.computeIfAbsent(userId, u -> new ConcurrentHashMap<>());
        AtomicInteger refusedWith = new AtomicInteger(-1);
        cart.compute(id, (key, inCart) -> {
            int held = inCart == null ? 0 : inCart;
            if (held + quantity > limit) {
                refusedWith.set(held);
                return inCart;
            }
            return held + quantity;
        });
        int held = refusedWith.get();
        if (held >= 0) {
            String already = held == 0 ? "" : " (" + held + " in your cart already)";
            String detail = stock > 99 ? "A cart holds at most 99 of a product" + already
                    : "Only " + stock + " of " + product.get("name") + " in stock" + already;
            return json(409, problem(409, "Conflict", detail));
        }
        return json(200, cart(userId));
    }

    @SuppressWarnings("unchecked")
    private Reply placeOrder(Request request, String userId) {
        String key = request.header("idempotency-key");
        if (key == null) {
            return json(400, problem(400, "Bad Request", "Idempotency-Key is required"));
        }
        if (inFlightAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return json(409, problem(409, "Conflict", "A request with this key is in progress")).header("Retry-After",
                    "1");
        }
        String previous = orderKeys.get(userId + key);
        if (previous != null) {
            return json(201, orders.get(previous).getValue()).header("Idempotent-Replayed", "true");
        }
        Map<String, Object> payment = (Map<String, Object>) JsonMapper.shared()
            .readValue(request.body(), Map.class)
            .get("payment");
        String card = String.valueOf(payment.get("cardNumber"));
        if (card.equals("4000000000000002")) {
            return json(402, problem(402, "Payment Required", "The card was declined."));
        }
        if (shortOfStock.get()) {
            return json(409, problem(409, "Conflict", "Not enough stock for: Desk Lamp (2 left)"));
        }
        Map<String, Object> cart = cart(userId);
        Map<String, Object> order = new LinkedHashMap<>();
        String id = orders.isEmpty() ? ORDER_ID : "bbbbbbbb-0000-4000-8000-00000000000" + (orders.size() + 1);
        order.put("id", id);
        order.put("number", "SO-2026-00000" + (orders.size() + 1));
        order.put("status", "PAID");
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) cart.get("items")) {
            Map<String, Object> line = new LinkedHashMap<>(item);
            line.put("sku", products.get(item.get("productId")).get("sku"));
            items.add(line);
        }
        order.put("items", items);
        order.put("total", cart.get("total"));
        order.put("currency", "EUR");
        order.put("payment", Map.of("status", "SUCCEEDED", "last4", card.substring(card.length() - 4)));
        order.put("createdAt", "2026-12-01T10:00:00Z");
        order.put("updatedAt", "2026-12-01T10:00:00Z");
        orders.put(id, Map.entry(userId, order));
        orderKeys.put(userId + key, id);
        carts.remove(userId);
        return json(201, order).header("Location", "/api/orders/" + id);
    }

    private Map<String, Object> cart(String userId) {
        Map<String, Integer> lines = carts.getOrDefault(userId, Map.of());
        List<Map<String, Object>> items = new ArrayList<>();
        long total = 0;
        int count = 0;
        for (var line : lines.entrySet()) {
            Map<String, Object> product = products.get(line.getKey());
            long unit = ((Number) ((Map<?, ?>) product.get("price")).get("amount")).longValue();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("productId", line.getKey());
            item.put("name", product.get("name"));
            item.put("unitPrice", Map.of("amount", unit, "currency", "EUR"));
            item.put("quantity", line.getValue());
            item.put("lineTotal", Map.of("amount", unit * line.getValue(), "currency", "EUR"));
            items.add(item);
            total += unit * line.getValue();
            count += line.getValue();
        }
        return Map.of("items", items, "total", Map.of("amount", total, "currency", "EUR"), "itemCount", count,
                "version", 1);
    }

    private static Map<String, Object> problem(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        return problem;
    }

    private static Reply json(int status, Object body) {
        return Reply.json(status, JsonMapper.shared().writeValueAsString(body));
    }

}
