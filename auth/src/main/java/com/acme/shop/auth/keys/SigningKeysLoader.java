package com.acme.shop.auth.keys;

import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the signing key from configuration, or from (creating once) the key directory. */
public final class SigningKeysLoader {

    static final String KEY_FILE = "signing-key.pem";

    private static final Logger log = LoggerFactory.getLogger(SigningKeysLoader.class);

    private SigningKeysLoader() {
    }

    public static SigningKeys load(KeysProperties properties) {
        SigningKey current = hasText(properties.signingKey())
                ? fromPem(properties.signingKey(), properties.signingKeyId())
                : fromDirectory(properties.dir());
        List<ECKey> previous = parsePrevious(properties.previousPublicKeys());
        log.info("Signing key kid={} ({} previous public key(s))", current.kid(), previous.size());
        return new SigningKeys(current, previous);
    }

    static SigningKey fromPem(String pem, String kid) {
        ECPrivateKey privateKey = EcKeys.readPkcs8Pem(pem);
        ECPublicKey publicKey = EcKeys.derivePublic(privateKey);
        return new SigningKey(hasText(kid) ? kid.trim() : EcKeys.thumbprint(publicKey), privateKey, publicKey);
    }

    /**
     * Reads {@code dir/signing-key.pem}, generating it first if absent ({@link SecretFiles}: a file lock makes two
     * instances starting at once on a shared directory agree on one key).
     */
    static SigningKey fromDirectory(Path dir) {
        return fromPem(SecretFiles.readOrCreate(dir, KEY_FILE, () -> EcKeys.toPem(EcKeys.generate().getPrivate())), null);
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
                    throw new IllegalArgumentException("JWT_PREVIOUS_PUBLIC_KEYS may hold only EC P-256 keys with a kid");
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
