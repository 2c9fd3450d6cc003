package com.acme.shop.order;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An amount in minor units with its ISO 4217 currency: {@code {"amount": 1999,
 * "currency": "EUR"}} is 19.99 EUR. Arithmetic is exact (overflow throws).
 */
@Schema(description = "Amount in minor units with an ISO 4217 currency",
        example = "{\"amount\": 1999, \"currency\": \"EUR\"}")
public record Money(@Schema(example = "1999", description = "Minor units (cents), integer") long amount,
        @Schema(example = "EUR") String currency) {

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(amount, quantity), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(amount, other.amount), currency);
    }

}
