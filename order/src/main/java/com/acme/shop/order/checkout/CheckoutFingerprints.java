package com.acme.shop.order.checkout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.acme.shop.order.clients.PaymentClient;

/**
 * The fingerprint of a checkout request, stored with its order so that the same
 * Idempotency-Key sent with another card is recognised (rule A7: 422) without storing the
 * card: HMAC-SHA256 under a key derived from the service secret over the canonical
 * request (card digits without spaces, expiry). A plain hash of a card number could be
 * reversed by trying every number of a card range; a keyed hash cannot without the key
 * (PCI DSS 4.0 3.5.1.1 accepts keyed hashes of the whole PAN). The CVC is left out:
 * verification codes are never kept, not even hashed (PCI DSS 3.3.1.2).
 */
final class CheckoutFingerprints {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** {@code secret}: the service's secret; the key is derived for this use only. */
    CheckoutFingerprints(String secret) {
        byte[] derived = hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                "order checkout request fingerprint v1");
        this.key = new SecretKeySpec(derived, ALGORITHM);
    }

    /** Hex HMAC of the canonical request. */
    String of(PaymentClient.Card card) {
        String canonical = "v1\n" + card.number().replace(" ", "") + "\n" + card.expiry();
        return HexFormat.of().formatHex(hmac(key, canonical));
    }

    /**
     * True when a stored fingerprint names another request; an order without one (placed
     * before fingerprints were kept) matches any request.
     */
    static boolean differs(String stored, String current) {
        return stored != null && !MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                current.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ALGORITHM + " is not available", ex);
        }
    }

}
