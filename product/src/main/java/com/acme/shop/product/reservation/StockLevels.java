package com.acme.shop.product.reservation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * Where a product's units are: {@code available} (the product's stock), {@code reserved}
 * (held by RESERVED reservations) and {@code sold} (CONFIRMED). Their sum changes only by
 * an ADMIN stock edit.
 */
@Schema(name = "StockLevels")
record StockLevels(UUID productId, int available, long reserved, long sold) {
}
