package com.acme.shop.payment;

/**
 * Where a payment stands. Every stored payment is final except that SUCCEEDED may become
 * REFUNDED.
 */
enum PaymentStatus {

    /** Charged. */
    SUCCEEDED,
    /**
     * Declined by the card's issuer ({@code declineCode} says why); a retry gets the same
     * answer.
     */
    DECLINED,
    /** Charged, then refunded in full (once). */
    REFUNDED

}
