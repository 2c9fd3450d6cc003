package com.acme.shop.order.cart;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /api/cart/items}: a product and how many to add to what the cart
 * holds already (default 1).
 */
@Schema(description = "Add this many of the product to the cart (on top of what it holds)")
record AddItemForm(
        @Schema(example = "7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6",
                description = "Product id (UUID)") @NotBlank String productId,
        @Schema(example = "1", minimum = "1", maximum = "99", defaultValue = "1",
                description = "Units to add (default 1); the line may hold at most 99 and no more than in stock") @Min(1) @Max(99) Integer quantity) {

    int quantityOrOne() {
        return quantity == null ? 1 : quantity;
    }

}
