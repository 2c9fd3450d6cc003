package com.acme.shop.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BudgetTest {

    /** 46 s per P1/P2 round plus 165 s of the other measurements, as in a default run. */
    private static double measuring(int rounds) {
        return rounds * 46 + 165;
    }

    @Test
    void keepsEveryRoundWhenTheyFit() {
        assertEquals(3, Bench.roundsThatFit(3, 2, 400, BudgetTest::measuring));
    }

    @Test
    void dropsRoundsThatWouldEndAfterTheBudget() {
        // a slow machine: 260 s left, three rounds need 303 s, two need 257 s
        assertEquals(2, Bench.roundsThatFit(3, 2, 260, BudgetTest::measuring));
    }

    @Test
    void neverGoesBelowTheFewestRounds() {
        assertEquals(2, Bench.roundsThatFit(3, 2, 10, BudgetTest::measuring));
        assertEquals(2, Bench.roundsThatFit(5, 2, 0, BudgetTest::measuring));
    }

    @Test
    void leavesARunThatAskedForFewerRoundsAlone() {
        assertEquals(1, Bench.roundsThatFit(1, 2, 0, BudgetTest::measuring));
    }

}
