package com.acme.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class RevocationCheckingJwtDecoderTest {

    private static final Instant IAT = Instant.parse("2026-01-01T12:00:00Z");

    private static Jwt issuedAt(Instant iat) {
        return Jwt.withTokenValue("t")
            .header("alg", "ES256")
            .subject("alice")
            .jti("j1")
            .issuedAt(iat)
            .expiresAt(IAT.plusSeconds(300))
            .build();
    }

    @Test
    void aTokenWithoutRevocationStateIsValid() {
        assertThat(RevocationCheckingJwtDecoder.isRevoked(issuedAt(IAT), null, null)).isFalse();
    }

    @Test
    void aDenylistedTokenIsRevokedWhateverItsIat() {
        assertThat(RevocationCheckingJwtDecoder.isRevoked(issuedAt(IAT), "1", null)).isTrue();
        assertThat(RevocationCheckingJwtDecoder.isRevoked(issuedAt(IAT), "1", "0")).isTrue();
    }

    @Test
    void aTokenIssuedBeforeTheTokensValidAfterMillisecondIsRevoked() {
        long changed = IAT.toEpochMilli();
        assertThat(RevocationCheckingJwtDecoder.isRevoked(issuedAt(IAT), null, Long.toString(changed + 1))).isTrue();
        assertThat(RevocationCheckingJwtDecoder.isRevoked(issuedAt(IAT), null, Long.toString(changed))).isFalse();
        assertThat(RevocationCheckingJwtDecoder.isRevoked(issuedAt(IAT.plusSeconds(1)), null,
                Long.toString(changed + 999)))
            .isFalse();
    }

    @Test
    void anUnreadableTokensValidAfterValueRevokesRatherThanIgnores() {
        assertThat(RevocationCheckingJwtDecoder.isRevoked(issuedAt(IAT), null, "not-a-number")).isTrue();
    }

}
