package com.acme.shop.order.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.shop.order.Money;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An order as the API shows it. Items keep SKU, name and unit price as they were when the
 * stock was reserved (invariant 4).
 */
@Schema(description = "An order")
public record Order(@Schema(example = "0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21") UUID id,
        @Schema(example = "SO-2026-000123") String number, OrderStatus status, List<Item> items,
        @Schema(nullable = true, description = "Null while the stock is not reserved yet") Money total,
        @Schema(example = "EUR") String currency, PaymentSummary payment, Instant createdAt, Instant updatedAt) {

    @Schema(name = "OrderItem")
    public record Item(@Schema(example = "7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6") UUID productId,
            @Schema(example = "MUG-ENAMEL-01", nullable = true) String sku,
            @Schema(example = "Enamel Camp Mug", nullable = true) String name,
            @Schema(nullable = true, description = "As reserved; null until the stock is reserved") Money unitPrice,
            @Schema(example = "2") int quantity, @Schema(nullable = true) Money lineTotal) {
    }

    /**
     * The order's payment: SUCCEEDED, DECLINED, REFUNDED, or NONE before a charge; last4
     * of the card once charged.
     */
    @Schema(name = "OrderPayment")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PaymentSummary(@Schema(example = "SUCCEEDED") String status,
            @Schema(example = "4242", nullable = true) String last4) {
    }

}
