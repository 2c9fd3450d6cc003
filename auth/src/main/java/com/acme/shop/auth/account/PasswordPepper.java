package com.acme.shop.auth.account;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import com.acme.shop.auth.keys.SecretFiles;

/**
 * The server-side secret of the password pre-hash (B16): {@code PASSWORD_PEPPER}, base64
 * of at least 32 bytes. Without it, a local run generates one once into the key directory
 * ({@code JWT_KEY_DIR/password-pepper}, next to the signing key), so restarts and
 * instances sharing the directory agree; the {@code prod} profile refuses to start
 * instead. Changing the pepper makes every peppered hash unusable: keep it like the
 * signing key.
 */
final class PasswordPepper {

    static final String FILE = "password-pepper";
    static final String VARIABLE = "PASSWORD_PEPPER";

    private PasswordPepper() {
    }

    static byte[] load(String configured, Path keyDir, boolean production) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, VARIABLE);
        }
        if (production) {
            throw new IllegalStateException(VARIABLE + " must be set in the prod profile: base64 of at least "
                    + PepperedBcrypt.MIN_PEPPER_BYTES + " random bytes (e.g. `openssl rand -base64 32`). "
                    + "Keep it secret and never change it: every password hash depends on it.");
        }
        String generated = SecretFiles.readOrCreate(keyDir, FILE, PasswordPepper::generate);
        return decode(generated, keyDir.resolve(FILE).toString());
    }

    static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes) + "\n";
    }

    private static byte[] decode(String value, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(source + " is not valid base64", ex);
        }
        if (bytes.length < PepperedBcrypt.MIN_PEPPER_BYTES) {
            throw new IllegalStateException(source + " must decode to at least " + PepperedBcrypt.MIN_PEPPER_BYTES
                    + " bytes, it has " + bytes.length);
        }
        return bytes;
    }

}
