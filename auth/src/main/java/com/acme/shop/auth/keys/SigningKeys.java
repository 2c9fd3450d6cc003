package com.acme.shop.auth.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;

/**
 * The key material of this auth instance: the current signing key and any previous public
 * keys (still accepted for verification and published in the JWKS during a rotation).
 */
public final class SigningKeys {

    private final SigningKey current;

    private final List<ECKey> previous;

    private final JWKSet publicJwkSet;

    public SigningKeys(SigningKey current, List<ECKey> previous) {
        this.current = current;
        this.previous = List.copyOf(previous);
        List<JWK> keys = new ArrayList<>();
        keys.add(publicJwk(current));
        for (ECKey key : this.previous) {
            if (!key.getKeyID().equals(current.kid())) {
                keys.add(publicOnly(key));
            }
        }
        this.publicJwkSet = new JWKSet(keys);
    }

    public SigningKey current() {
        return current;
    }

    /**
     * Public keys only (current first), each with kty, crv, x, y, kid, use=sig,
     * alg=ES256.
     */
    public JWKSet publicJwkSet() {
        return publicJwkSet;
    }

    public Map<String, Object> jwksJson() {
        return publicJwkSet.toJSONObject(true);
    }

    static ECKey publicJwk(SigningKey key) {
        return new ECKey.Builder(Curve.P_256, key.publicKey()).keyID(key.kid())
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.ES256)
            .build();
    }

    private static ECKey publicOnly(ECKey key) {
        return new ECKey.Builder(key.getCurve(), key.getX(), key.getY()).keyID(key.getKeyID())
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.ES256)
            .build();
    }

}
