package com.acme.shop.auth.keys;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/** The current ES256 signing key: key id, private key and its public key. */
public record SigningKey(String kid, ECPrivateKey privateKey, ECPublicKey publicKey) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + "]";
    }
}
