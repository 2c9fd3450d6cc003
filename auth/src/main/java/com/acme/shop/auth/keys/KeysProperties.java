package com.acme.shop.auth.keys;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the signing key comes from: {@code signingKey} ({@code JWT_SIGNING_KEY}: a full
 * P-256 JWK JSON, or a PKCS#8 PEM) with {@code signingKeyId}, or else a key generated
 * once and kept in {@code dir} ({@code JWT_KEY_DIR}) as a full JWK
 * ({@code signing-key.jwk}; an earlier version's {@code signing-key.pem} is migrated to
 * it once). {@code previousPublicKeys} ({@code JWT_PREVIOUS_PUBLIC_KEYS}) is a JWKS JSON
 * (or a JSON array of JWKs) of keys that were used before a rotation: still published and
 * accepted.
 */
@ConfigurationProperties("shop.auth.keys")
public record KeysProperties(Path dir, String signingKey, String signingKeyId, String previousPublicKeys) {

    public KeysProperties {
        if (dir == null) {
            dir = Path.of(".data", "keys");
        }
    }
}
