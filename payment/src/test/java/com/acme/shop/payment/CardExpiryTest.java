package com.acme.shop.payment;

import java.time.Instant;

import com.acme.shop.common.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardExpiryTest {

    @Test
    void aCardIsValidThroughTheLastDayOfItsMonthInUtc() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(CardExpiry.isExpired("12/26", clock)).isFalse();
        assertThat(CardExpiry.isExpired("11/26", clock)).isTrue();
        assertThat(CardExpiry.isExpired("01/27", clock)).isFalse();

        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(CardExpiry.isExpired("12/26", clock)).isTrue();
        assertThat(CardExpiry.isExpired("01/27", clock)).isFalse();
    }

    @Test
    void twoDigitYearsAreThisCentury() {
        assertThat(CardExpiry.parse("07/39")).hasToString("2039-07");
    }

}
