package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The home page's shop sections (issue 11), from the bff's {@code featuredProducts} and
 * {@code latestOrders}: product cards like the catalog's, the latest orders with links,
 * and a readable "unavailable right now" for each section the bff could not load, the
 * rest of the page intact.
 */
class HomePageIT extends WebUiIT {

    private static final String ORDER_ID = "bbbbbbbb-0000-4000-8000-0000000000aa";

    @Test
    void showsTheFeaturedProductsAsCatalogCards() {
        String page = loggedIn(StubUpstreams.USER_EMAIL).get("/").getResponseBody();

        assertThat(page).contains("<section id=\"featured-products\" aria-labelledby=\"featured-heading\">")
            .contains("<h2 id=\"featured-heading\">Featured products</h2>")
            .containsPattern("<li class=\"product-card\" data-product-id=\"" + ShopStub.MUG_ID
                    + "\">\\s*<img [^>]*src=\"/images/products/enamel-camp-mug.svg\"[^>]*>")
            .containsPattern("<li class=\"product-card\" data-product-id=\"" + ShopStub.XSS_ID
                    + "\">\\s*<div class=\"image-placeholder\" aria-hidden=\"true\"></div>")
            .contains("<h3><a href=\"/products/" + ShopStub.MUG_ID + "\">Enamel Camp Mug</a></h3>")
            .contains("<h3><a href=\"/products/" + ShopStub.LAMP_ID + "\">Desk Lamp</a></h3>")
            .contains("€19.99")
            .contains("Only 2 left")
            .contains("Sold out")
            .contains("<a href=\"/products\">See all products</a>")
            .doesNotContain("Featured products are unavailable");
    }

    @Test
    void escapesProductNames() {
        String page = loggedIn(StubUpstreams.USER_EMAIL).get("/").getResponseBody();

        assertThat(page).doesNotContain(ShopStub.XSS_PRODUCT_NAME).contains("&lt;img src=x onerror=alert(1)&gt;Mug");
    }

    @Test
    void showsTheUsersLatestOrdersWithLinks() {
        String userId = stubs.users.get(StubUpstreams.USER_EMAIL).id();
        stubs.shop.orders.put(ORDER_ID, Map.entry(userId, order(ORDER_ID, "SO-2026-000042", "PAID", 3998)));
        stubs.shop.orders.put("bbbbbbbb-0000-4000-8000-0000000000bb",
                Map.entry("someone-else", order("bbbbbbbb-0000-4000-8000-0000000000bb", "SO-2026-000043", "PAID", 1)));

        String page = loggedIn(StubUpstreams.USER_EMAIL).get("/").getResponseBody();

        assertThat(page).contains("<h2 id=\"orders-heading\">Your latest orders</h2>")
            .contains("<a href=\"/orders/" + ORDER_ID + "\">SO-2026-000042</a>")
            .contains("€39.98")
            .contains(">Paid</span>")
            .contains("2026-12-01")
            .contains("<a href=\"/orders\">All orders</a>")
            .doesNotContain("SO-2026-000043")
            .doesNotContain("Orders are unavailable");
    }

    @Test
    void saysSoWhenTheUserHasNoOrdersYet() {
        String page = loggedIn(StubUpstreams.USER_EMAIL).get("/").getResponseBody();

        assertThat(page).contains("Your latest orders").contains("You have no orders yet.");
    }

    @Test
    void anAdminSeesTheShopsLatestOrders() {
        stubs.shop.orders.put(ORDER_ID, Map.entry("someone-else", order(ORDER_ID, "SO-2026-000042", "CANCELLED", 100)));

        String page = loggedIn(StubUpstreams.ADMIN_EMAIL).get("/").getResponseBody();

        assertThat(page).contains("<h2 id=\"orders-heading\">Latest orders in the shop</h2>")
            .contains("SO-2026-000042")
            .contains(">Cancelled</span>")
            .contains("id=\"admin-summary\"");
    }

    @Test
    void saysTheFeaturedProductsAreUnavailableAndKeepsTheRest() {
        stubs.shop.productsDown.set(true);
        String userId = stubs.users.get(StubUpstreams.USER_EMAIL).id();
        stubs.shop.orders.put(ORDER_ID, Map.entry(userId, order(ORDER_ID, "SO-2026-000042", "PAID", 3998)));

        String page = loggedIn(StubUpstreams.USER_EMAIL).get("/").getResponseBody();

        assertThat(page).contains("<h2 id=\"featured-heading\">Featured products</h2>")
            .containsPattern("<p class=\"degraded\">Featured products are unavailable right now\\.\\s*"
                    + "<a href=\"/products\">Browse the catalog</a>")
            .contains("Some information is unavailable right now: <span>featured products</span>.")
            .doesNotContain("class=\"product-card\"")
            .contains("SO-2026-000042")
            .contains("Welcome, Uma User");
    }

    @Test
    void saysTheOrdersAreUnavailableAndKeepsTheRest() {
        stubs.shop.ordersDown.set(true);

        String page = loggedIn(StubUpstreams.USER_EMAIL).get("/").getResponseBody();

        assertThat(page).contains("<h2 id=\"orders-heading\">Your latest orders</h2>")
            .contains("<p class=\"degraded\">Orders are unavailable right now. Please try again in a moment.</p>")
            .contains("Some information is unavailable right now: <span>latest orders</span>.")
            .doesNotContain("You have no orders yet.")
            .contains("class=\"product-card\"")
            .contains("Welcome, Uma User");
    }

    private static Map<String, Object> order(String id, String number, String status, long total) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("number", number);
        order.put("status", status);
        order.put("items", List.of());
        order.put("total", Map.of("amount", total, "currency", "EUR"));
        order.put("currency", "EUR");
        order.put("payment", Map.of("status", "SUCCEEDED", "last4", "4242"));
        order.put("createdAt", "2026-12-01T10:00:00Z");
        order.put("updatedAt", "2026-12-01T10:00:00Z");
        return order;
    }

}
