package com.acme.shop.payment;

/**
 * When an injected processor failure ({@code PAYMENT_FAILURE_RATE}) happens relative to
 * recording the charge.
 */
enum FailureMode {

    /** 503 before anything is recorded: a retry charges for the first time. */
    BEFORE,

    /**
     * The charge is recorded, then the answer is lost (503): a retry gets the stored
     * payment, never a second charge.
     */
    AFTER,

    /** Each injected failure is {@link #BEFORE} or {@link #AFTER}, half and half. */
    MIXED

}
