package com.acme.shop.web.home;

import java.util.List;

import com.acme.shop.web.catalog.Product;
import com.acme.shop.web.members.Member;
import com.acme.shop.web.money.Money;
import com.acme.shop.web.orders.Order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The bff's {@code /api/home} answer (docs/contracts.md). {@code featuredProducts} (a
 * product card's fields) and {@code latestOrders} (an order without items and payment)
 * are {@code null} when their service did not answer (then named in {@code unavailable}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Home(User user, SessionInfo session, Admin admin, List<FeaturedProduct> featuredProducts,
        List<Order> latestOrders, boolean degraded, List<String> unavailable) {

    static final String FEATURED_PRODUCTS = "featuredProducts";

    static final String LATEST_ORDERS = "latestOrders";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, String email, String name, String phone, List<String> roles) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionInfo(String subject, List<String> roles, String issuedAt, String expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Admin(long memberCount, List<Member> newestMembers) {
    }

    /**
     * A featured product: the fields of a product card (a missing stock reads as sold
     * out).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FeaturedProduct(String id, String sku, String name, Money price, Integer stock, String imageUrl) {

        /** As the catalog's card fragment shows a product. */
        public Product card() {
            return new Product(id, sku, name, null, price, stock != null ? stock : 0, imageUrl, true, null, null, null);
        }
    }

    public Home {
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    }

    static Home unavailableEverything() {
        return new Home(null, null, null, null, null, true,
                List.of("user", "session", "admin", FEATURED_PRODUCTS, LATEST_ORDERS));
    }

    /** The featured products as catalog cards; empty when unavailable. */
    public List<Product> featuredProductCards() {
        return featuredProducts == null ? List.of() : featuredProducts.stream().map(FeaturedProduct::card).toList();
    }

    /** The unavailable sections as a reader would name them, e.g. "featured products". */
    public List<String> unavailableNames() {
        return unavailable.stream().map(Home::readable).toList();
    }

    private static String readable(String section) {
        return switch (section) {
            case "user" -> "your profile";
            case "session" -> "session details";
            case "admin" -> "member summary";
            case FEATURED_PRODUCTS -> "featured products";
            case LATEST_ORDERS -> "latest orders";
            default -> section;
        };
    }

    public boolean isUnavailable(String section) {
        return unavailable.contains(section);
    }

    /**
     * Whether the featured products could not be loaded (bff says so, or sent none at
     * all).
     */
    public boolean featuredProductsUnavailable() {
        return featuredProducts == null;
    }

    /** Whether the latest orders could not be loaded. */
    public boolean latestOrdersUnavailable() {
        return latestOrders == null;
    }
}
