package com.acme.shop.order.checkout;

/**
 * Where an order's saga is; persisted before the call it names, so that after a crash the
 * recovery job knows what may have happened.
 */
enum Step {

    /** Order created (PENDING); a reservation may exist; nothing was charged. */
    RESERVING,
    /** Stock reserved (PENDING); a charge may exist. */
    CHARGING,
    /** Paid; the reservation is being confirmed. */
    CONFIRMING,
    /** Payment failed or order cancelled; the stock is being released. */
    RELEASING,
    /** Nothing was charged; the stock is being released, then the order is deleted. */
    ABORTING,
    /** Cancel of a paid order: the refund is pending. */
    REFUNDING,
    /** Nothing left to do. */
    DONE

}
