package com.acme.shop.order.checkout;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.acme.shop.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardsTest {

    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void acceptsTheTestCardsWithSpaces() {
        assertThat(Cards.validate(new CheckoutForm.CardForm("4242 4242 4242 4242", "12/26", "123"), DEC_2026).number())
            .isEqualTo("4242424242424242");
        assertThat(Cards.luhn("4000000000000002")).isTrue();
        assertThat(Cards.luhn("4000000000009995")).isTrue();
        assertThat(Cards.luhn("4000000000000119")).isTrue();
    }

    @Test
    void refusesLuhnInvalidNumbersAndPastMonthsWithoutEchoingTheCard() {
        assertThatThrownBy(
                () -> Cards.validate(new CheckoutForm.CardForm("4242 4242 4242 4241", "12/26", "123"), DEC_2026))
            .isInstanceOfSatisfying(ProblemException.class, problem -> {
                assertThat(problem.errors()).singleElement()
                    .satisfies(error -> assertThat(error.field()).isEqualTo("payment.cardNumber"));
                assertThat(problem.errors().toString()).doesNotContain("4241");
            });
        assertThatThrownBy(
                () -> Cards.validate(new CheckoutForm.CardForm("4242 4242 4242 4242", "11/26", "123"), DEC_2026))
            .isInstanceOfSatisfying(ProblemException.class,
                    problem -> assertThat(problem.errors().get(0).field()).isEqualTo("payment.expiry"));
        assertThatThrownBy(() -> Cards.validate(new CheckoutForm.CardForm("4242 4242", "12/26", "123"), DEC_2026))
            .isInstanceOf(ProblemException.class);
    }

    @Test
    void formsNeverShowTheCardInToString() {
        CheckoutForm form = new CheckoutForm(new CheckoutForm.CardForm("4242 4242 4242 4242", "12/26", "123"));
        assertThat(form.toString()).doesNotContain("4242").doesNotContain("123");
        assertThat(form.payment().toString()).doesNotContain("4242");
        assertThat(Cards.validate(form.payment(), DEC_2026).toString()).doesNotContain("4242");
    }

}
