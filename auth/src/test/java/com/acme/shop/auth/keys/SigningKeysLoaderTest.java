package com.acme.shop.auth.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysLoaderTest {

    @TempDir
    Path dir;

    @Test
    void derivesThePublicKeyOfAPkcs8PrivateKey() throws Exception {
        KeyPair pair = EcKeys.generate();
        ECPublicKey derived = EcKeys.derivePublic((ECPrivateKey) pair.getPrivate());
        assertThat(derived.getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());

        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update("hello".getBytes());
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(derived);
        verifier.update("hello".getBytes());
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void generatesTheKeyOnceAndReusesItFromTheDirectory() throws Exception {
        SigningKeys first = SigningKeysLoader.load(new KeysProperties(dir, null, null, null));
        SigningKeys second = SigningKeysLoader.load(new KeysProperties(dir, "", "", ""));

        assertThat(Files.exists(dir.resolve(SigningKeysLoader.KEY_FILE))).isTrue();
        assertThat(second.current().kid()).isEqualTo(first.current().kid());
        assertThat(second.current().publicKey().getW()).isEqualTo(first.current().publicKey().getW());
        assertThat(second.jwksJson()).isEqualTo(first.jwksJson());
    }

    @Test
    void usesTheConfiguredPemAndKeyId() {
        KeyPair pair = EcKeys.generate();
        String pem = EcKeys.toPem(pair.getPrivate());

        SigningKeys keys = SigningKeysLoader.load(new KeysProperties(dir, pem, "prod-2026-01", null));

        assertThat(keys.current().kid()).isEqualTo("prod-2026-01");
        assertThat(keys.current().publicKey().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        assertThat(dir.resolve(SigningKeysLoader.KEY_FILE)).doesNotExist();
    }

    @Test
    void acceptsAPemWithEscapedNewlinesFromAnEnvironmentVariable() {
        String pem = EcKeys.toPem(EcKeys.generate().getPrivate()).replace("\n", "\\n");
        assertThat(SigningKeysLoader.load(new KeysProperties(dir, pem, "k1", null)).current().kid()).isEqualTo("k1");
    }

    @Test
    void rejectsAKeyThatIsNotPkcs8() {
        assertThatThrownBy(() -> SigningKeysLoader.load(new KeysProperties(dir,
                "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----", "k", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8");
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishesCurrentAndPreviousPublicKeysWithOnlyPublicMembers() throws Exception {
        SigningKeys old = SigningKeysLoader.load(new KeysProperties(dir, EcKeys.toPem(EcKeys.generate().getPrivate()),
                "old", null));
        String previous = com.nimbusds.jose.jwk.JWKSet.parse(old.jwksJson()).toString();

        SigningKeys keys = SigningKeysLoader.load(new KeysProperties(dir, EcKeys.toPem(EcKeys.generate().getPrivate()),
                "new", previous));

        List<Map<String, Object>> jwks = (List<Map<String, Object>>) keys.jwksJson().get("keys");
        assertThat(jwks).extracting(k -> k.get("kid")).containsExactly("new", "old");
        assertThat(jwks).allSatisfy(k -> {
            assertThat(k.keySet()).containsExactlyInAnyOrder("kty", "crv", "x", "y", "kid", "use", "alg");
            assertThat(k).containsEntry("kty", "EC").containsEntry("crv", "P-256").containsEntry("use", "sig")
                    .containsEntry("alg", "ES256");
        });
    }

    @Test
    void rejectsPreviousKeysThatAreNotP256() {
        assertThatThrownBy(() -> SigningKeysLoader.parsePrevious("{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\",\"kid\":\"x\"}]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
