package com.acme.shop.web.orders;

import java.util.List;

import com.acme.shop.web.money.Money;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An order as the gateway returns it:
 * {@code {id, number, status, items: [{productId, sku, name, unitPrice, quantity,
 * lineTotal}], total, currency, payment: {status, last4}, createdAt, updatedAt}}. Items
 * carry the price and name at the time of purchase.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Order(String id, String number, String status, List<Item> items, Money total, String currency,
        Payment payment, String createdAt, String updatedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String productId, String sku, String name, Money unitPrice, int quantity, Money lineTotal) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(String status, String last4) {
    }

    public Order {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The status as a reader sees it. */
    public String statusText() {
        return switch (status == null ? "" : status) {
            case "PAID" -> "Paid";
            case "PENDING" -> "Processing";
            case "PAYMENT_FAILED" -> "Payment failed";
            case "CANCELLED" -> "Cancelled";
            default -> status;
        };
    }

    /**
     * Whether the page offers "Cancel order" (the order service decides whether it is
     * still allowed).
     */
    public boolean cancellable() {
        return "PAID".equals(status);
    }

    /** The date part of {@code createdAt} (ISO-8601). */
    public String createdDate() {
        return createdAt != null && createdAt.length() >= 10 ? createdAt.substring(0, 10) : createdAt;
    }

    public int itemCount() {
        return items.stream().mapToInt(Item::quantity).sum();
    }
}
