package com.acme.shop.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fingerprint of a card: HMAC-SHA-256 of its digits with the secret
 * {@code PAYMENT_FINGERPRINT_KEY}, hex. The same card gives the same fingerprint as long
 * as the key stays the same; without the key the number cannot be recovered from it by
 * trying all candidates (a plain hash of a card number could be).
 */
final class CardFingerprints {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    CardFingerprints(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    String of(String digits) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

}
