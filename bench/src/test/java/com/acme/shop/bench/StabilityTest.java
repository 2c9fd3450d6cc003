package com.acme.shop.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StabilityTest {

    private final Stability stability = new Stability(3, 0.06);

    @Test
    void aSeriesStillClimbingIsNotStable() {
        assertFalse(stability.isStable(List.of(500.0, 900.0, 1200.0, 1400.0)));
    }

    @Test
    void theLastWindowWithinTheToleranceIsStable() {
        assertTrue(stability.isStable(List.of(500.0, 900.0, 1400.0, 1430.0, 1410.0)));
    }

    @Test
    void tooFewValuesAreNeverStable() {
        assertFalse(stability.isStable(List.of(1000.0, 1000.0)));
    }

}
