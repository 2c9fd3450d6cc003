package com.acme.shop.order.cart;

import java.util.UUID;

/**
 * A stored cart line: a product and how many of it (no price: prices are read when
 * shown).
 */
public record CartLine(UUID productId, int quantity) {
}
