package com.acme.shop.order.checkout;

import com.acme.shop.order.clients.PaymentClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutFingerprintsTest {

    private static final String SECRET = "a-service-secret-of-at-least-32-characters";

    private final CheckoutFingerprints fingerprints = new CheckoutFingerprints(SECRET);

    @Test
    void theSameCardAndExpiryIsTheSameRequestWhateverTheSpacingOrCvc() {
        assertThat(fingerprints.of(new PaymentClient.Card("4242 4242 4242 4242", "12/39", "123")))
            .isEqualTo(fingerprints.of(new PaymentClient.Card("4242424242424242", "12/39", "999")));
    }

    @Test
    void anotherCardOrExpiryIsAnotherRequest() {
        String first = fingerprints.of(new PaymentClient.Card("4242424242424242", "12/39", "123"));
        assertThat(fingerprints.of(new PaymentClient.Card("5555555555554444", "12/39", "123"))).isNotEqualTo(first);
        assertThat(fingerprints.of(new PaymentClient.Card("4242424242424242", "11/39", "123"))).isNotEqualTo(first);
        assertThat(CheckoutFingerprints.differs(first,
                fingerprints.of(new PaymentClient.Card("5555555555554444", "12/39", "123"))))
            .isTrue();
        assertThat(CheckoutFingerprints.differs(first, first)).isFalse();
    }

    @Test
    void withoutTheSecretTheFingerprintCannotBeRecomputed() {
        PaymentClient.Card card = new PaymentClient.Card("4242424242424242", "12/39", "123");
        assertThat(new CheckoutFingerprints("another-service-secret-of-32-characters!").of(card))
            .isNotEqualTo(fingerprints.of(card));
    }

    @Test
    void anOrderWithoutAFingerprintMatchesAnyRequest() {
        assertThat(CheckoutFingerprints.differs(null, "ab")).isFalse();
    }

}
