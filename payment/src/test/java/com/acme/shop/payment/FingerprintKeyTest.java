package com.acme.shop.payment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FingerprintKeyTest {

    @TempDir
    Path dir;

    @Test
    void usesTheConfiguredKey() {
        byte[] key = new byte[32];
        key[0] = 7;
        assertThat(FingerprintKey.load(Base64.getEncoder().encodeToString(key), dir.toString(), true)).isEqualTo(key);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void productionRefusesToStartWithoutAKey() {
        assertThatIllegalStateException().isThrownBy(() -> FingerprintKey.load("", dir.toString(), true))
            .withMessageContaining("PAYMENT_FINGERPRINT_KEY");
    }

    @Test
    void refusesShortOrMalformedKeysWithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatIllegalStateException().isThrownBy(() -> FingerprintKey.load(shortKey, null, false))
            .withMessageNotContaining(shortKey);
        assertThatIllegalStateException().isThrownBy(() -> FingerprintKey.load("not base64!", null, false))
            .withMessageNotContaining("not base64!");
    }

    @Test
    void generatesALocalKeyOnceAndKeepsIt() throws Exception {
        byte[] first = FingerprintKey.load(null, dir.toString(), false);
        byte[] again = FingerprintKey.load(null, dir.toString(), false);
        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(Files.readString(dir.resolve(FingerprintKey.FILE)).strip())
            .isEqualTo(Base64.getEncoder().encodeToString(first));
    }

    @Test
    void withoutADirectoryTheKeyLastsOneRun() {
        assertThat(FingerprintKey.load(null, "", false)).hasSize(32).isNotEqualTo(FingerprintKey.load(null, "", false));
    }

    @Test
    void fingerprintsDependOnTheKeyAndHideTheNumber() {
        byte[] key = new byte[32];
        CardFingerprints one = new CardFingerprints(key);
        key = key.clone();
        key[0] = 1;
        CardFingerprints other = new CardFingerprints(key);
        String fingerprint = one.of("4242424242424242");
        assertThat(fingerprint).matches("[0-9a-f]{64}").isEqualTo(one.of("4242424242424242"));
        assertThat(other.of("4242424242424242")).isNotEqualTo(fingerprint);
        assertThat(one.of("5555555555554444")).isNotEqualTo(fingerprint);
    }

}
