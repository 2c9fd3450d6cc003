package com.acme.shop.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void addsAndMultipliesExactlyInMinorUnits() {
        assertThat(new Money(1999, "EUR").times(3).plus(new Money(1, "EUR"))).isEqualTo(new Money(5998, "EUR"));
    }

    @Test
    void refusesOverflowAndMixedCurrencies() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE, "EUR").times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Money(1, "EUR").plus(new Money(1, "USD")))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
