package com.acme.shop.payment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = { "4242424242424242", "4242 4242 4242 4242", "4000000000000002", "4000000000009995",
            "4000000000000119", "5555555555554444", "378282246310005", " 4242424242424242 ", "4000056655665556",
            "6011111111111117", "4222222222222" })
    void acceptsLuhnValidNumbersWithOrWithoutSpaces(String number) {
        assertThat(CardNumbers.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "4242424242424241", "4242-4242-4242-4242", "42424242424", "42424242424242424242", "",
            "    ", "abcd", "4242424242424242x", "４２４２４２４２４２４２４２４２" })
    void refusesEverythingElse(String number) {
        assertThat(CardNumbers.isValid(number)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(CardNumbers.isValid(null)).isFalse();
    }

    @Test
    void stripsSpacesAndKeepsLast4() {
        String digits = CardNumbers.digits("4242 4242 4242 4242");
        assertThat(digits).isEqualTo("4242424242424242");
        assertThat(CardNumbers.last4("4000000000009995")).isEqualTo("9995");
    }

    @Test
    void testCardsMapToTheirOutcomes() {
        assertThat(TestCards.outcome("4242424242424242")).isEqualTo(TestCards.Outcome.SUCCEEDED);
        assertThat(TestCards.outcome("4000000000000002").declineCode()).isEqualTo("card_declined");
        assertThat(TestCards.outcome("4000000000009995").declineCode()).isEqualTo("insufficient_funds");
        assertThat(TestCards.outcome("4000000000000119")).isEqualTo(TestCards.Outcome.PROCESSING_ERROR);
        assertThat(TestCards.outcome("5555555555554444")).isEqualTo(TestCards.Outcome.SUCCEEDED);
    }

}
