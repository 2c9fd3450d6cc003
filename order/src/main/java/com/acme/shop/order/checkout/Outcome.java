package com.acme.shop.order.checkout;

import java.util.List;
import java.util.UUID;

/** What a checkout ended in, as the controller answers it. */
sealed interface Outcome {

    /** The order exists (PAID, or CANCELLED since); 201. */
    record Placed(Order order, boolean replayed) implements Outcome {
    }

    /** The card was declined; the order is PAYMENT_FAILED; 402. */
    record Declined(Order order, String code, boolean replayed) implements Outcome {
    }

    /** Not enough stock; no order, nothing charged; 409. */
    record OutOfStock(List<Shortage> shortages) implements Outcome {
    }

    /** The card was refused as invalid by payment (400); no order, nothing charged. */
    record InvalidCard() implements Outcome {
    }

    /**
     * Product or payment could not be reached within the deadline; nothing was charged,
     * or the outcome is left to the recovery job; 503.
     */
    record Unavailable() implements Outcome {
    }

    /** A checkout with the same key is still running; 409 with Retry-After. */
    record InProgress() implements Outcome {
    }

    /**
     * The Idempotency-Key was used before with another request (another card); nothing
     * happened; 422.
     */
    record KeyReused() implements Outcome {
    }

    /** The cart is empty; 409. */
    record EmptyCart() implements Outcome {
    }

    /** A line product could not reserve, with the product's name when known. */
    record Shortage(UUID productId, String name, int requested, int available, String reason) {
    }

}
