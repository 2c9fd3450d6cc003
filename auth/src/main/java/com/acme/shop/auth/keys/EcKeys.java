package com.acme.shop.auth.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

/** P-256 key helpers: generate, PKCS#8 PEM read/write, public-key derivation, JWK thumbprint. */
final class EcKeys {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private EcKeys() {
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", ex);
        }
    }

    static String toPem(PrivateKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return PEM_BEGIN + "\n" + base64 + "\n" + PEM_END + "\n";
    }

    /** Reads a PKCS#8 PEM ("BEGIN PRIVATE KEY") holding a P-256 key. */
    static ECPrivateKey readPkcs8Pem(String pem) {
        String text = pem.replace("\\n", "\n").trim();
        if (text.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("The signing key must be PKCS#8 (BEGIN PRIVATE KEY), not SEC1; "
                    + "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        if (!text.contains(PEM_BEGIN) || !text.contains(PEM_END)) {
            throw new IllegalArgumentException("The signing key is not a PKCS#8 PEM (BEGIN PRIVATE KEY)");
        }
        String body = text.substring(text.indexOf(PEM_BEGIN) + PEM_BEGIN.length(), text.indexOf(PEM_END))
                .replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            if (!(key instanceof ECPrivateKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("The signing key must be an EC P-256 key (ES256)");
            }
            return ec;
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            if (ex instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("The signing key")) {
                throw iae;
            }
            throw new IllegalArgumentException("The signing key cannot be read as a PKCS#8 EC key", ex);
        }
    }

    /** Computes the public point Q = d·G of a private key (affine double-and-add; runs once at startup). */
    static ECPublicKey derivePublic(ECPrivateKey privateKey) {
        ECParameterSpec spec = privateKey.getParams();
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger a = spec.getCurve().getA();
        ECPoint q = multiply(spec.getGenerator(), privateKey.getS(), p, a);
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, spec));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot derive the public key", ex);
        }
    }

    static String thumbprint(ECPublicKey publicKey) {
        try {
            return new ECKey.Builder(Curve.P_256, publicKey).build().computeThumbprint().toString();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot compute the key thumbprint", ex);
        }
    }

    private static ECPoint multiply(ECPoint point, BigInteger k, BigInteger p, BigInteger a) {
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = point;
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                result = add(result, addend, p, a);
            }
            addend = add(addend, addend, p, a);
        }
        return result;
    }

    private static ECPoint add(ECPoint P, ECPoint Q, BigInteger p, BigInteger a) {
        if (P.equals(ECPoint.POINT_INFINITY)) {
            return Q;
        }
        if (Q.equals(ECPoint.POINT_INFINITY)) {
            return P;
        }
        BigInteger lambda;
        if (P.getAffineX().equals(Q.getAffineX())) {
            if (P.getAffineY().add(Q.getAffineY()).mod(p).signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger x2 = P.getAffineX().pow(2);
            lambda = x2.multiply(BigInteger.valueOf(3)).add(a)
                    .multiply(P.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
        }
        else {
            lambda = Q.getAffineY().subtract(P.getAffineY())
                    .multiply(Q.getAffineX().subtract(P.getAffineX()).modInverse(p)).mod(p);
        }
        BigInteger x = lambda.pow(2).subtract(P.getAffineX()).subtract(Q.getAffineX()).mod(p);
        BigInteger y = lambda.multiply(P.getAffineX().subtract(x)).subtract(P.getAffineY()).mod(p);
        return new ECPoint(x, y);
    }
}
