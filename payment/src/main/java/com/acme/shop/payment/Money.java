package com.acme.shop.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * An amount in minor units with its ISO 4217 currency: {@code {"amount": 1999,
 * "currency": "EUR"}} is 19.99 EUR. No floating point: a JSON number with a fraction is
 * refused (400).
 *
 * @param amount minor units, 1 to {@value #MAX_AMOUNT}
 * @param currency ISO 4217 code, upper case
 */
@Schema(description = "Amount in minor units with an ISO 4217 currency",
        example = "{\"amount\": 1999, \"currency\": \"EUR\"}")
record Money(
        @Schema(example = "1999",
                description = "Minor units (cents), integer") @NotNull @Positive @Max(MAX_AMOUNT) Long amount,
        @Schema(example = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}",
                message = "must be an ISO 4217 currency code") String currency) {

    /** The largest amount one charge may have (as card processors cap it: 8 digits). */
    static final long MAX_AMOUNT = 99_999_999L;

}
