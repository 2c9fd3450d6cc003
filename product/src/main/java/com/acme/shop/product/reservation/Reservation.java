package com.acme.shop.product.reservation;

import com.acme.shop.product.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stock reservation for one order: {@code {orderId, status, items: [{productId, sku,
 * name, unitPrice, quantity}], createdAt}}; SKU, name and price as they were when the
 * stock was reserved.
 */
@Schema(name = "Reservation")
record Reservation(UUID orderId, Status status, List<Item> items, Instant createdAt) {

    enum Status {

        /** Stock held for a checkout in progress. */
        RESERVED,
        /** Sold: the order was paid. */
        CONFIRMED,
        /** The stock went back (a failed payment, or a cancelled order). */
        RELEASED

    }

    @Schema(name = "ReservedItem",
            description = "A reserved line with the product's SKU, name and price at reservation time")
    record Item(UUID productId, @Schema(example = "MUG-ENAMEL-01") String sku,
            @Schema(example = "Enamel Camp Mug") String name, Money unitPrice, @Schema(example = "2") int quantity) {
    }

}
