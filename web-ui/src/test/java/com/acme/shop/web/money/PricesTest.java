package com.acme.shop.web.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class PricesTest {

    private final Prices prices = new Prices();

    @Test
    void formatsMinorUnitsForTheReadersLocale() {
        assertThat(prices.format(new Money(1999, "EUR"), Locale.US)).isEqualTo("€19.99");
        assertThat(prices.format(new Money(1999, "EUR"), Locale.GERMANY)).isEqualTo("19,99\u00a0€");
        assertThat(prices.format(new Money(500, "JPY"), Locale.US)).isEqualTo("¥500");
        assertThat(prices.format(new Money(100_000_000, "EUR"), Locale.UK)).isEqualTo("€1,000,000.00");
        assertThat(prices.format(new Money(5, "EUR"), Locale.US)).isEqualTo("€0.05");
    }

    @Test
    void anUnknownCurrencyShowsItsCode() {
        assertThat(prices.format(new Money(1999, "XYZ1"), Locale.US)).isEqualTo("19.99 XYZ1");
    }

    @Test
    void parsesTypedAmountsExactly() {
        assertThat(Prices.parse("19.99", "EUR")).hasValue(1999);
        assertThat(Prices.parse("19,9", "EUR")).hasValue(1990);
        assertThat(Prices.parse("20", "EUR")).hasValue(2000);
        assertThat(Prices.parse("0.10", "EUR")).hasValue(10);
        assertThat(Prices.parse("500", "JPY")).hasValue(500);
        assertThat(Prices.parse("12.345", "EUR")).isEmpty();
        assertThat(Prices.parse("5.5", "JPY")).isEmpty();
        assertThat(Prices.parse("-1", "EUR")).isEmpty();
        assertThat(Prices.parse("1e3", "EUR")).isEmpty();
        assertThat(Prices.parse("", "EUR")).isEmpty();
    }

    @Test
    void showsMinorUnitsAsTheDecimalAnAdminTypes() {
        assertThat(Prices.toDecimal(1999, "EUR")).isEqualTo("19.99");
        assertThat(Prices.toDecimal(500, "JPY")).isEqualTo("500");
    }

}
