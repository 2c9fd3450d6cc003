package com.acme.shop.order.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition until it holds (failing after a timeout): no fixed sleeps in tests.
 */
final class Awaits {

    private Awaits() {
    }

    static void until(BooleanSupplier condition) {
        until(Duration.ofSeconds(20), condition);
    }

    static void until(Duration timeout, BooleanSupplier condition) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

}
