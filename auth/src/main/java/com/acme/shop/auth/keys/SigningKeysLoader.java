package com.acme.shop.auth.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the signing key from configuration, or from (creating once) the key directory.
 */
public final class SigningKeysLoader {

    /** The generated key: a full JWK (private and public part). */
    static final String KEY_FILE = "signing-key.jwk";

    /**
     * The key file of earlier versions (PKCS#8 PEM, no public part): read once and
     * rewritten as {@link #KEY_FILE}.
     */
    static final String LEGACY_PEM_FILE = "signing-key.pem";

    private static final Logger log = LoggerFactory.getLogger(SigningKeysLoader.class);

    private SigningKeysLoader() {
    }

    public static SigningKeys load(KeysProperties properties) {
        SigningKey current = hasText(properties.signingKey())
                ? fromConfigured(properties.signingKey(), properties.signingKeyId()) : fromDirectory(properties.dir());
        List<ECKey> previous = parsePrevious(properties.previousPublicKeys());
        log.info("Signing key kid={} ({} previous public key(s))", current.kid(), previous.size());
        return new SigningKeys(current, previous);
    }

    /**
     * A configured key ({@code JWT_SIGNING_KEY}): a full JWK JSON or a PKCS#8 PEM; kid
     * given, the JWK's, or the thumbprint.
     */
    static SigningKey fromConfigured(String key, String kid) {
        ECKey jwk = EcKeys.parse(key);
        return signingKey(jwk, hasText(kid) ? kid.trim() : jwk.getKeyID());
    }

    /**
     * Reads {@code dir/signing-key.jwk}, creating it first if absent
     * ({@link SecretFiles}: a file lock makes two instances starting at once on a shared
     * directory agree on one key): from the {@code signing-key.pem} of an earlier version
     * when there is one (same key, same kid), else from a newly generated key.
     */
    static SigningKey fromDirectory(Path dir) {
        String json = SecretFiles.readOrCreate(dir, KEY_FILE, () -> migrateOrGenerate(dir).toJSONString());
        ECKey jwk = EcKeys.parseJwk(json);
        return signingKey(jwk, jwk.getKeyID());
    }

    private static ECKey migrateOrGenerate(Path dir) {
        Path legacy = dir.resolve(LEGACY_PEM_FILE);
        if (!Files.exists(legacy)) {
            return EcKeys.generate();
        }
        try {
            ECKey migrated = EcKeys
                .fromPrivateKey(EcKeys.readPkcs8Pem(Files.readString(legacy, StandardCharsets.US_ASCII)));
            log.info("Migrated {} to {} (kid={}); {} is no longer read", LEGACY_PEM_FILE, KEY_FILE, migrated.getKeyID(),
                    LEGACY_PEM_FILE);
            return migrated;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + legacy.toAbsolutePath(), ex);
        }
    }

    private static SigningKey signingKey(ECKey jwk, String kid) {
        try {
            ECPublicKey publicKey = jwk.toECPublicKey();
            return new SigningKey(hasText(kid) ? kid : EcKeys.thumbprint(publicKey), jwk.toECPrivateKey(), publicKey);
        }
        catch (JOSEException ex) {
            throw new IllegalArgumentException("The signing key cannot be used for ES256", ex);
        }
    }

    static List<ECKey> parsePrevious(String json) {
        if (!hasText(json)) {
            return List.of();
        }
        String text = json.trim();
        if (text.startsWith("[")) {
            text = "{\"keys\":" + text + "}";
        }
        try {
            List<ECKey> keys = new ArrayList<>();
            for (JWK jwk : JWKSet.parse(text).getKeys()) {
                if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || ec.getKeyID() == null) {
                    throw new IllegalArgumentException(
                            "JWT_PREVIOUS_PUBLIC_KEYS may hold only EC P-256 keys with a kid");
                }
                keys.add(ec.toPublicJWK());
            }
            return keys;
        }
        catch (ParseException ex) {
            throw new IllegalArgumentException("JWT_PREVIOUS_PUBLIC_KEYS is not a JWKS JSON document", ex);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

}
