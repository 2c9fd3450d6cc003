package com.acme.shop.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void isStableForTheSameRequest() {
        assertThat(Fingerprint.of("POST", "/api/members", "application/json", BODY))
            .isEqualTo(Fingerprint.of("POST", "/api/members", "application/json", BODY.clone()))
            .matches("[0-9a-f]{64}");
    }

    @Test
    void changesWithEachPart() {
        String base = Fingerprint.of("POST", "/api/members", "application/json", BODY);
        assertThat(Fingerprint.of("PATCH", "/api/members", "application/json", BODY)).isNotEqualTo(base);
        assertThat(Fingerprint.of("POST", "/api/members?x=1", "application/json", BODY)).isNotEqualTo(base);
        assertThat(Fingerprint.of("POST", "/api/members", "text/plain", BODY)).isNotEqualTo(base);
        assertThat(Fingerprint.of("POST", "/api/members", "application/json", "{\"a\":2}".getBytes()))
            .isNotEqualTo(base);
    }

    @Test
    void separatesPartsUnambiguously() {
        assertThat(Fingerprint.of("POST", "/a", "b", new byte[0]))
            .isNotEqualTo(Fingerprint.of("POST", "/ab", "", new byte[0]));
        assertThat(Fingerprint.of("POST", "/a", null, new byte[0]))
            .isNotEqualTo(Fingerprint.of("POST", "/a", "", new byte[0]));
    }

}
