package com.acme.shop.bff.home;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An amount in minor units with its ISO 4217 currency, as product and order send it
 * ({@code {"amount": 1999, "currency": "EUR"}} is 19.99 EUR).
 */
@Schema(name = "Money", description = "Amount in minor units with an ISO 4217 currency",
        requiredProperties = { "amount", "currency" })
record Money(@Schema(description = "Minor units (cents), integer", example = "1999") long amount,
        @Schema(example = "EUR") String currency) {
}
