package com.acme.shop.auth.keys;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;

import com.acme.shop.common.testing.TestTokens;

/**
 * P-256 key pairs from the JDK and their PKCS#8 PEM form, as an operator (or an earlier
 * version) would supply them.
 */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair pair() {
        return TestTokens.newEcKeyPair();
    }

    static String pkcs8Pem(PrivateKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

}
