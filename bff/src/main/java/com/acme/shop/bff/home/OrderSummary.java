package com.acme.shop.bff.home;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An order as the home page lists it (read from order's {@code GET /api/orders}; items
 * and payment are dropped).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "HomeOrder", requiredProperties = { "id", "number", "status", "total", "currency", "createdAt" })
record OrderSummary(@Schema(example = "0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21") UUID id,
        @Schema(example = "SO-2026-000123") String number,
        @Schema(description = "PENDING, PAID, PAYMENT_FAILED or CANCELLED", example = "PAID") String status,
        Money total, @Schema(example = "EUR") String currency,
        @Schema(format = "date-time", example = "2026-12-02T13:47:49Z") String createdAt) {
}
