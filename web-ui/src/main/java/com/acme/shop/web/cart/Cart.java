package com.acme.shop.web.cart;

import java.util.List;

import com.acme.shop.web.money.Money;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The signed-in user's cart: {@code {items: [{productId, name, unitPrice, quantity,
 * lineTotal}], total, itemCount, version}} at today's prices.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cart(List<Item> items, Money total, int itemCount, long version) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String productId, String name, Money unitPrice, int quantity, Money lineTotal, String imageUrl,
            Integer stock) {
    }

    public Cart {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** How many of the product are in the cart (0 when none). */
    public int quantityOf(String productId) {
        return items.stream().filter(item -> item.productId().equals(productId)).mapToInt(Item::quantity).sum();
    }
}
