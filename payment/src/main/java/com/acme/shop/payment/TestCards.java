package com.acme.shop.payment;

import java.util.Map;

/**
 * What the simulated processor does with a card number: the test cards public processors
 * document (Stripe's), anything else Luhn-valid succeeds.
 */
final class TestCards {

    static final String SUCCEEDS = "4242424242424242";

    static final String DECLINED = "4000000000000002";

    static final String INSUFFICIENT_FUNDS = "4000000000009995";

    static final String PROCESSING_ERROR = "4000000000000119";

    private static final Map<String, Outcome> OUTCOMES = Map.of(DECLINED, Outcome.CARD_DECLINED, INSUFFICIENT_FUNDS,
            Outcome.INSUFFICIENT_FUNDS, PROCESSING_ERROR, Outcome.PROCESSING_ERROR);

    private TestCards() {
    }

    static Outcome outcome(String digits) {
        return OUTCOMES.getOrDefault(digits, Outcome.SUCCEEDED);
    }

    enum Outcome {

        SUCCEEDED(null), CARD_DECLINED("card_declined"), INSUFFICIENT_FUNDS("insufficient_funds"),
        /** The processor failed: 503, retryable, nothing recorded. */
        PROCESSING_ERROR(null);

        private final String declineCode;

        Outcome(String declineCode) {
            this.declineCode = declineCode;
        }

        /** {@code card_declined} / {@code insufficient_funds}; {@code null} otherwise. */
        String declineCode() {
            return declineCode;
        }

        boolean declined() {
            return declineCode != null;
        }

    }

}
