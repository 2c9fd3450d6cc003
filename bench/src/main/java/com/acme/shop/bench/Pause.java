package com.acme.shop.bench;

/** Short pauses between polls. */
final class Pause {

    private Pause() {
    }

    static void millis(long ms) {
        try {
            Thread.sleep(ms);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

}
