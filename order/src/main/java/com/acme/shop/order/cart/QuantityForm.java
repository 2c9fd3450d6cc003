package com.acme.shop.order.cart;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/cart/items/{productId}}: the quantity to have in the cart. */
@Schema(description = "How many of the product the cart should hold")
record QuantityForm(@Schema(example = "2", minimum = "1", maximum = "99") @NotNull @Min(1) @Max(99) Integer quantity) {
}
