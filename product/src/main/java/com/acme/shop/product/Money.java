package com.acme.shop.product;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * An amount of money: an integer in minor units and an ISO 4217 currency
 * ({@code {"amount": 1999, "currency": "EUR"}} is 19.99 EUR). No floating point.
 */
@Schema(name = "Money", description = "An integer amount in minor units with its ISO 4217 currency",
        example = "{\"amount\": 1999, \"currency\": \"EUR\"}")
public record Money(
        @Schema(description = "Minor units (cents): 1999 is 19.99", example = "1999", minimum = "0",
                maximum = "" + Money.MAX_AMOUNT) @NotNull @Min(0) @Max(Money.MAX_AMOUNT) Long amount,
        @Schema(description = "ISO 4217 code; must be the shop's currency (SHOP_CURRENCY)",
                example = "EUR") @NotBlank String currency) {

    /** The largest price accepted: 1,000,000.00 in a two-decimal currency. */
    public static final long MAX_AMOUNT = 100_000_000L;

}
