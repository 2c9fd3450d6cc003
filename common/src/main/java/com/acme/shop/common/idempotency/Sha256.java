package com.acme.shop.common.idempotency;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over length-prefixed fields, so that field boundaries are unambiguous. */
final class Sha256 {

    private final MessageDigest digest;

    Sha256() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Appends a field as its 8-byte length followed by its bytes; {@code null} is length
     * -1.
     */
    Sha256 field(byte[] bytes) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            digest.update(bytes);
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

}
