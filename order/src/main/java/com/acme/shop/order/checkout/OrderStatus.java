package com.acme.shop.order.checkout;

/** What the API shows: PENDING → PAID | PAYMENT_FAILED; PAID → CANCELLED. */
public enum OrderStatus {

    PENDING, PAID, PAYMENT_FAILED, CANCELLED

}
