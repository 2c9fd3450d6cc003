package com.acme.shop.auth.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.jsonwebtoken.security.Jwks;

/**
 * P-256 signing keys as full JWKs (private and public part): generated and parsed by
 * Nimbus, a PKCS#8 PEM read with the JDK and its public point derived by jjwt. No
 * elliptic-curve arithmetic is written here.
 */
final class EcKeys {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";

    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private static final byte[] PROBE = "signing-key-probe".getBytes(StandardCharsets.US_ASCII);

    private EcKeys() {
    }

    /** A new P-256 key, its kid the RFC 7638 thumbprint. */
    static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", ex);
        }
    }

    /**
     * A signing key given as a full JWK JSON ({@code {"kty":"EC",...,"d":...}}) or as a
     * PKCS#8 PEM.
     */
    static ECKey parse(String text) {
        String trimmed = text.trim();
        return trimmed.startsWith("{") ? parseJwk(trimmed) : fromPrivateKey(readPkcs8Pem(trimmed));
    }

    /** A full P-256 JWK whose public part belongs to its private part. */
    static ECKey parseJwk(String json) {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        }
        catch (ParseException ex) {
            throw new IllegalArgumentException("The signing key is not a JWK JSON object", ex);
        }
        if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
            throw new IllegalArgumentException(
                    "The signing key JWK must be an EC P-256 private key (kty EC, crv P-256, d)");
        }
        requireMatchingPair(ec);
        return ec;
    }

    /**
     * The full JWK of a private key: its public point derived by jjwt, kid the RFC 7638
     * thumbprint.
     */
    static ECKey fromPrivateKey(ECPrivateKey privateKey) {
        try {
            return new ECKey.Builder(Curve.P_256, derivePublic(privateKey)).privateKey(privateKey)
                .keyIDFromThumbprint()
                .build();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot compute the key thumbprint", ex);
        }
    }

    /**
     * The public key of a P-256 private key (jjwt's derivation; runs only for a key given
     * without its public part).
     */
    static ECPublicKey derivePublic(ECPrivateKey privateKey) {
        return Jwks.builder().key(privateKey).build().toPublicJwk().toKey();
    }

    /** Reads a PKCS#8 PEM ("BEGIN PRIVATE KEY") holding a P-256 key. */
    static ECPrivateKey readPkcs8Pem(String pem) {
        String text = pem.replace("\\n", "\n").trim();
        if (text.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("The signing key must be PKCS#8 (BEGIN PRIVATE KEY), not SEC1; "
                    + "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        if (!text.contains(PEM_BEGIN) || !text.contains(PEM_END)) {
            throw new IllegalArgumentException(
                    "The signing key is neither a JWK JSON nor a PKCS#8 PEM (BEGIN PRIVATE KEY)");
        }
        String body = text.substring(text.indexOf(PEM_BEGIN) + PEM_BEGIN.length(), text.indexOf(PEM_END))
            .replaceAll("\\s", "");
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("The signing key cannot be read as a PKCS#8 EC key", ex);
        }
        if (!(key instanceof ECPrivateKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("The signing key must be an EC P-256 key (ES256)");
        }
        return ec;
    }

    static String thumbprint(ECPublicKey publicKey) {
        try {
            return new ECKey.Builder(Curve.P_256, publicKey).build().computeThumbprint().toString();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot compute the key thumbprint", ex);
        }
    }

    /**
     * Signs a probe with the private part and verifies it with the public part: a JWK
     * with a wrong x/y fails here.
     */
    private static void requireMatchingPair(ECKey key) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key.toECPrivateKey());
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key.toECPublicKey());
            verifier.update(PROBE);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException(
                        "The signing key JWK's public part (x, y) does not belong to its private part (d)");
            }
        }
        catch (GeneralSecurityException | JOSEException ex) {
            throw new IllegalArgumentException("The signing key JWK cannot be used for ES256", ex);
        }
    }

}
