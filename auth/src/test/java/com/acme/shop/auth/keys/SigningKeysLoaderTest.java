package com.acme.shop.auth.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysLoaderTest {

    @TempDir
    Path dir;

    @Test
    void derivesThePublicKeyOfAPkcs8PrivateKey() throws Exception {
        KeyPair pair = TestKeys.pair();
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
        KeyPair pair = TestKeys.pair();
        String pem = TestKeys.pkcs8Pem(pair.getPrivate());

        SigningKeys keys = SigningKeysLoader.load(new KeysProperties(dir, pem, "prod-2026-01", null));

        assertThat(keys.current().kid()).isEqualTo("prod-2026-01");
        assertThat(keys.current().publicKey().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        assertThat(dir.resolve(SigningKeysLoader.KEY_FILE)).doesNotExist();
    }

    @Test
    void acceptsAPemWithEscapedNewlinesFromAnEnvironmentVariable() {
        String pem = TestKeys.pkcs8Pem(TestKeys.pair().getPrivate()).replace("\n", "\\n");
        assertThat(SigningKeysLoader.load(new KeysProperties(dir, pem, "k1", null)).current().kid()).isEqualTo("k1");
    }

    @Test
    void rejectsAKeyThatIsNotPkcs8() {
        assertThatThrownBy(() -> SigningKeysLoader.load(new KeysProperties(dir,
                "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----", "k", null)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("PKCS#8");
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishesCurrentAndPreviousPublicKeysWithOnlyPublicMembers() throws Exception {
        SigningKeys old = SigningKeysLoader
            .load(new KeysProperties(dir, TestKeys.pkcs8Pem(TestKeys.pair().getPrivate()), "old", null));
        String previous = com.nimbusds.jose.jwk.JWKSet.parse(old.jwksJson()).toString();

        SigningKeys keys = SigningKeysLoader
            .load(new KeysProperties(dir, TestKeys.pkcs8Pem(TestKeys.pair().getPrivate()), "new", previous));

        List<Map<String, Object>> jwks = (List<Map<String, Object>>) keys.jwksJson().get("keys");
        assertThat(jwks).extracting(k -> k.get("kid")).containsExactly("new", "old");
        assertThat(jwks).allSatisfy(k -> {
            assertThat(k.keySet()).containsExactlyInAnyOrder("kty", "crv", "x", "y", "kid", "use", "alg");
            assertThat(k).containsEntry("kty", "EC")
                .containsEntry("crv", "P-256")
                .containsEntry("use", "sig")
                .containsEntry("alg", "ES256");
        });
    }

    @Test
    void storesTheGeneratedKeyAsAFullJwkWithItsPublicPart() throws Exception {
        SigningKeys keys = SigningKeysLoader.load(new KeysProperties(dir, null, null, null));

        ECKey stored = ECKey.parse(Files.readString(dir.resolve(SigningKeysLoader.KEY_FILE)));
        assertThat(stored.isPrivate()).isTrue();
        assertThat(stored.getCurve()).isEqualTo(Curve.P_256);
        assertThat(stored.getKeyID()).isEqualTo(keys.current().kid())
            .isEqualTo(EcKeys.thumbprint(stored.toECPublicKey()));
        assertThat(stored.toECPublicKey().getW()).isEqualTo(keys.current().publicKey().getW());
        assertThat(dir.resolve(SigningKeysLoader.LEGACY_PEM_FILE)).doesNotExist();
    }

    @Test
    void migratesTheLegacyPemKeyFileOnceKeepingTheKeyAndItsKid() throws Exception {
        KeyPair pair = TestKeys.pair();
        ECPublicKey expected = (ECPublicKey) pair.getPublic();
        Files.writeString(dir.resolve(SigningKeysLoader.LEGACY_PEM_FILE), TestKeys.pkcs8Pem(pair.getPrivate()));

        SigningKeys migrated = SigningKeysLoader.load(new KeysProperties(dir, null, null, null));

        assertThat(migrated.current().kid()).isEqualTo(EcKeys.thumbprint(expected));
        assertThat(migrated.current().publicKey().getW()).isEqualTo(expected.getW());
        ECKey stored = ECKey.parse(Files.readString(dir.resolve(SigningKeysLoader.KEY_FILE)));
        assertThat(stored.toECPublicKey().getW()).isEqualTo(expected.getW());
        assertThat(stored.toECPrivateKey().getS()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());

        // from now on the JWK is read: the PEM may go, the key and kid stay
        Files.delete(dir.resolve(SigningKeysLoader.LEGACY_PEM_FILE));
        SigningKeys restarted = SigningKeysLoader.load(new KeysProperties(dir, null, null, null));
        assertThat(restarted.jwksJson()).isEqualTo(migrated.jwksJson());
        assertThat(verifies(restarted.current().privateKey(), expected)).isTrue();
    }

    @Test
    void acceptsAFullJwkAsTheConfiguredKeyWithItsKid() throws Exception {
        KeyPair pair = TestKeys.pair();
        String jwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
            .keyID("jwk-2026")
            .build()
            .toJSONString();

        SigningKeys keys = SigningKeysLoader.load(new KeysProperties(dir, jwk, null, null));

        assertThat(keys.current().kid()).isEqualTo("jwk-2026");
        assertThat(keys.current().publicKey().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        assertThat(SigningKeysLoader.load(new KeysProperties(dir, jwk, "override", null)).current().kid())
            .isEqualTo("override");
        assertThat(dir.resolve(SigningKeysLoader.KEY_FILE)).doesNotExist();
    }

    @Test
    void rejectsAJwkWhosePublicPartBelongsToAnotherKey() {
        KeyPair pair = TestKeys.pair();
        String mismatched = new ECKey.Builder(Curve.P_256, (ECPublicKey) TestKeys.pair().getPublic())
            .privateKey(pair.getPrivate())
            .build()
            .toJSONString();

        assertThatThrownBy(() -> SigningKeysLoader.load(new KeysProperties(dir, mismatched, "k", null)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("does not belong");
    }

    @Test
    void rejectsAJwkWithoutItsPrivatePart() {
        String publicOnly = new ECKey.Builder(Curve.P_256, (ECPublicKey) TestKeys.pair().getPublic()).build()
            .toJSONString();

        assertThatThrownBy(() -> SigningKeysLoader.load(new KeysProperties(dir, publicOnly, "k", null)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("private key");
    }

    private static boolean verifies(java.security.PrivateKey signingKey, ECPublicKey publicKey) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(signingKey);
        signer.update("hello".getBytes());
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update("hello".getBytes());
        return verifier.verify(signer.sign());
    }

    @Test
    void rejectsPreviousKeysThatAreNotP256() {
        assertThatThrownBy(
                () -> SigningKeysLoader.parsePrevious("{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\",\"kid\":\"x\"}]}"))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
