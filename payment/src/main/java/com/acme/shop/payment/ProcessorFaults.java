package com.acme.shop.payment;

import java.util.Random;

/**
 * The simulated processor's injected failures ({@code PAYMENT_FAILURE_RATE},
 * {@code PAYMENT_FAILURE_MODE}, {@code PAYMENT_FAILURE_SEED}): one roll of the dice per
 * charge. With a seed the sequence of answers is reproducible: the n-th charge the
 * service handles gets the n-th answer of {@code new ProcessorFaults(rate, mode, seed)}.
 */
final class ProcessorFaults {

    private final double rate;

    private final FailureMode mode;

    private final Random random;

    ProcessorFaults(double rate, FailureMode mode, Long seed) {
        this.rate = rate;
        this.mode = mode;
        this.random = seed != null ? new Random(seed) : new Random();
    }

    /** The fault of the next charge. */
    synchronized Fault next() {
        if (rate <= 0.0 || random.nextDouble() >= rate) {
            return Fault.NONE;
        }
        return switch (mode) {
            case BEFORE -> Fault.BEFORE;
            case AFTER -> Fault.AFTER;
            case MIXED -> random.nextBoolean() ? Fault.BEFORE : Fault.AFTER;
        };
    }

    enum Fault {

        NONE,
        /** 503 before the charge is looked at or recorded. */
        BEFORE,
        /** The charge is recorded (or found), then 503: the answer is lost. */
        AFTER

    }

}
