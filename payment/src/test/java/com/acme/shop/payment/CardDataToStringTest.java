package com.acme.shop.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's codecs log decoded request bodies with {@code toString()} at DEBUG/TRACE: the
 * request records show no card data.
 */
class CardDataToStringTest {

    @Test
    void chargeRequestPrintsNoCardData() {
        ChargeRequest request = new ChargeRequest("0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21", new Money(1999L, "EUR"),
                new CardDetails("4242 4242 4242 4242", "12/30", "987"));
        assertThat(request.toString()).contains("0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21")
            .contains("1999")
            .doesNotContain("4242")
            .doesNotContain("12/30")
            .doesNotContain("987");
        assertThat(request.card().toString()).isEqualTo("CardDetails[redacted]");
    }

}
