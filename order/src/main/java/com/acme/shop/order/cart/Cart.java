package com.acme.shop.order.cart;

import java.util.List;
import java.util.UUID;

import com.acme.shop.order.Money;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A user's cart at today's prices: {@code {items: [{productId, name, unitPrice, quantity,
 * lineTotal}], total, itemCount, version}}.
 *
 * @param itemCount the number of units (sum of quantities)
 * @param version changes with every update; sent as the {@code ETag} for {@code If-Match}
 */
@Schema(description = "The signed-in user's cart, priced at today's prices")
public record Cart(List<Item> items, Money total, @Schema(example = "3") int itemCount,
        @Schema(example = "4") long version) {

    @Schema(name = "CartItem")
    public record Item(@Schema(example = "7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6") UUID productId,
            @Schema(example = "Enamel Camp Mug") String name, Money unitPrice, @Schema(example = "2") int quantity,
            Money lineTotal, @Schema(example = "/images/products/mug.svg", nullable = true) String imageUrl,
            @Schema(example = "12", description = "Units in stock now") int stock) {
    }

}
