package com.acme.shop.web.money;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats {@link Money} for the reader's locale ({@code ${@prices.format(price,
 * #locale)}} in templates): minor units become an exact {@link BigDecimal} with the
 * currency's fraction digits, never a {@code double}.
 */
@Component("prices")
public class Prices {

    /**
     * {@code 1999 EUR} → "€19.99" (en), "19,99 €" (de). An unknown currency shows its
     * code.
     */
    public String format(Money money, Locale locale) {
        if (money == null) {
            return "";
        }
        Locale reader = locale == null ? Locale.ENGLISH : locale;
        Currency currency;
        try {
            currency = Currency.getInstance(money.currency());
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            return BigDecimal.valueOf(money.amount(), 2).toPlainString() + " " + money.currency();
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        NumberFormat format = NumberFormat.getCurrencyInstance(reader);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(money.amount(), digits));
    }

    /**
     * Amount in minor units and currency, e.g. of an order's {@code total} and
     * {@code currency}.
     */
    public String format(long amount, String currency, Locale locale) {
        return format(new Money(amount, currency), locale);
    }

    /**
     * Minor units as the plain decimal an admin types ("19.99"), for a currency with
     * {@code digits} fraction digits.
     */
    public static String toDecimal(long amount, String currency) {
        return BigDecimal.valueOf(amount, fractionDigits(currency)).toPlainString();
    }

    /**
     * Parses what an admin typed ("19.99", "19,99", "20") into minor units; empty when it
     * is not a non-negative amount with at most the currency's fraction digits.
     */
    public static java.util.OptionalLong parse(String text, String currency) {
        if (text == null || text.isBlank()) {
            return java.util.OptionalLong.empty();
        }
        String normalized = text.strip().replace(',', '.');
        if (!normalized.matches("[0-9]{1,9}(\\.[0-9]{1,3})?")) {
            return java.util.OptionalLong.empty();
        }
        BigDecimal value = new BigDecimal(normalized);
        int digits = fractionDigits(currency);
        if (value.scale() > digits) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(value.movePointRight(digits).longValueExact());
    }

    static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            return 2;
        }
    }

}
