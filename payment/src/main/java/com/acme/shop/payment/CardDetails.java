package com.acme.shop.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The card of a charge request. Held in memory for the one request only: never stored,
 * never logged ({@link #toString()} shows nothing of it, because Spring's codecs log
 * decoded values at DEBUG/TRACE).
 *
 * @param number 12–19 digits, spaces allowed, Luhn-valid
 * @param expiry {@code MM/YY}; the card is valid through the end of that month
 * @param cvc 3 or 4 digits
 */
@Schema(description = "Card details; used for this charge only, never stored or logged")
record CardDetails(
        @Schema(example = "4242 4242 4242 4242",
                description = "12-19 digits, spaces allowed, Luhn-valid. Test cards: 4242 4242 4242 4242 succeeds; "
                        + "4000 0000 0000 0002 is declined (card_declined); 4000 0000 0000 9995 is declined "
                        + "(insufficient_funds); 4000 0000 0000 0119 fails with a processor error (503, retryable); "
                        + "any other Luhn-valid number succeeds.") @NotBlank @CardNumber String number,
        @Schema(example = "12/30", description = "MM/YY; expired cards are refused (400)") @NotBlank @Pattern(
                regexp = "(0[1-9]|1[0-2])/[0-9]{2}", message = "must be MM/YY") String expiry,
        @Schema(example = "123", description = "3 or 4 digits") @NotBlank @Pattern(regexp = "[0-9]{3,4}",
                message = "must be 3 or 4 digits") String cvc) {

    @Override
    public String toString() {
        return "CardDetails[redacted]";
    }

}
