package com.acme.shop.payment;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A payment as the API shows it. Of the card only {@code last4} and {@code fingerprint}
 * (HMAC-SHA-256 of the number with a secret key) exist.
 *
 * @param declineCode {@code card_declined} or {@code insufficient_funds} when DECLINED,
 * absent otherwise
 * @param refundedAt when it was refunded; absent unless REFUNDED
 */
@Schema(description = "A payment (one per order)")
@JsonInclude(JsonInclude.Include.NON_NULL)
record Payment(@Schema(example = "5d0c2f7a-3b1e-4c1d-8f00-6a7b8c9d0e1f") UUID id,
        @Schema(example = "0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21") UUID orderId, PaymentStatus status, Money amount,
        @Schema(example = "4242") String last4,
        @Schema(description = "HMAC-SHA-256 of the card number (hex); the same card gives the same value",
                example = "3b5f0c8e9d1a2b4c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678") String fingerprint,
        @Schema(example = "card_declined", nullable = true) String declineCode, Instant createdAt,
        @Schema(nullable = true) Instant refundedAt) {

    /** Whether a repeated charge request asks for the same charge as this payment. */
    boolean sameChargeAs(Money requested, String requestedFingerprint) {
        return amount.amount().equals(requested.amount()) && amount.currency().equals(requested.currency())
                && fingerprint.equals(requestedFingerprint);
    }

}
