package com.acme.shop.order.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/orders}: {@code {payment: {cardNumber, expiry, cvc}}}. The
 * card is passed to payment for this checkout only; {@link #toString()} shows nothing of
 * it.
 */
@Schema(description = "Check out the cart, paying with this card")
record CheckoutForm(@NotNull @Valid CardForm payment) {

    @Override
    public String toString() {
        return "CheckoutForm[redacted]";
    }

    @Schema(name = "CheckoutCard", description = "Card details; used for this payment only, never stored or logged")
    record CardForm(@Schema(example = "4242 4242 4242 4242",
            description = "12-19 digits, spaces allowed, Luhn-valid. Test cards: 4242 4242 4242 4242 "
                    + "succeeds; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 is declined for "
                    + "insufficient funds; 4000 0000 0000 0119 fails at the processor (503).") @NotBlank @Pattern(
                            regexp = "[0-9 ]{12,30}", message = "must be 12-19 digits") String cardNumber,
            @Schema(example = "12/30", description = "MM/YY") @NotBlank @Pattern(regexp = "(0[1-9]|1[0-2])/[0-9]{2}",
                    message = "must be MM/YY") String expiry,
            @Schema(example = "123") @NotBlank @Pattern(regexp = "[0-9]{3,4}",
                    message = "must be 3 or 4 digits") String cvc) {

        @Override
        public String toString() {
            return "CardForm[redacted]";
        }

    }

}
