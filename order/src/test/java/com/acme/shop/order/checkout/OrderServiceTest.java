package com.acme.shop.order.checkout;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderServiceTest {

    private static final Instant PLACED = Instant.parse("2026-12-02T10:00:00Z");

    private static final Duration WINDOW = Duration.ofMinutes(30);

    @Test
    void theOwnerMayCancelWithinTheWindowOnly() {
        assertThat(OrderService.mayCancel(false, PLACED, PLACED.plusSeconds(60), WINDOW)).isTrue();
        assertThat(OrderService.mayCancel(false, PLACED, PLACED.plus(WINDOW), WINDOW)).isTrue();
        assertThat(OrderService.mayCancel(false, PLACED, PLACED.plus(WINDOW).plusSeconds(1), WINDOW)).isFalse();
    }

    @Test
    void anAdminMayAlwaysCancel() {
        assertThat(OrderService.mayCancel(true, PLACED, PLACED.plus(Duration.ofDays(30)), WINDOW)).isTrue();
    }

}
