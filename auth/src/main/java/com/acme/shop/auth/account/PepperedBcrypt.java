package com.acme.shop.auth.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The pre-hash of docs/security.md (B16):
 * {@code bcrypt(base64(HMAC-SHA-384(pepper, utf8(password))))}. The base64 of the 48-byte
 * MAC is 64 ASCII characters, under bcrypt's 72-byte limit, so every password up to the
 * policy's 128 code points is hashed in full (never truncated). The pepper is a
 * server-side secret that never reaches the database.
 */
final class PepperedBcrypt implements PasswordEncoder {

    static final String ALGORITHM = "HmacSHA384";
    static final int MIN_PEPPER_BYTES = 32;

    private final BCryptPasswordEncoder bcrypt;

    private final SecretKeySpec pepper;

    PepperedBcrypt(BCryptPasswordEncoder bcrypt, byte[] pepper) {
        if (pepper == null || pepper.length < MIN_PEPPER_BYTES) {
            throw new IllegalArgumentException("The password pepper must have at least " + MIN_PEPPER_BYTES + " bytes");
        }
        this.bcrypt = bcrypt;
        this.pepper = new SecretKeySpec(pepper, ALGORITHM);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(preHash(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bcrypt.matches(preHash(rawPassword), encodedPassword);
    }

    /** True when the bcrypt cost of the hash is below the configured one. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    String preHash(CharSequence rawPassword) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(pepper);
            byte[] digest = mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA-384 unavailable", ex);
        }
    }

}
