package com.acme.shop.payment;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Expiry dates {@code MM/YY} (already checked for shape): a card is valid through the
 * last day of its expiry month, in UTC.
 */
final class CardExpiry {

    private CardExpiry() {
    }

    static YearMonth parse(String expiry) {
        int month = Integer.parseInt(expiry.substring(0, 2));
        int year = 2000 + Integer.parseInt(expiry.substring(3, 5));
        return YearMonth.of(year, month);
    }

    static boolean isExpired(String expiry, Clock clock) {
        return parse(expiry).isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
    }

}
