package com.acme.shop.order.checkout;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStoreTest {

    @Test
    void orderNumbersAreReadableWithTheYearAndSixDigits() {
        assertThat(OrderStore.number(Instant.parse("2026-12-02T10:00:00Z"), 123)).isEqualTo("SO-2026-000123");
        assertThat(OrderStore.number(Instant.parse("2027-01-01T00:00:00Z"), 1234567)).isEqualTo("SO-2027-1234567");
    }

}
