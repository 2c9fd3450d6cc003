package com.acme.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokenValidatorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final AccessTokenValidator validator = new AccessTokenValidator("shop-auth", "shop-gateway",
            Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Jwt.Builder valid() {
        return Jwt.withTokenValue("t")
            .header("alg", "ES256")
            .header("typ", "at+jwt")
            .header("kid", "k")
            .issuer("shop-auth")
            .audience(List.of("shop-gateway", "shop-member"))
            .subject("6f1c9a4e-0000-4000-8000-000000000001")
            .jti("j")
            .issuedAt(NOW.minusSeconds(10))
            .expiresAt(NOW.plusSeconds(290));
    }

    private boolean accepts(UnaryOperator<Jwt.Builder> change) {
        return validator.isValid(change.apply(valid()).build());
    }

    @Test
    void acceptsAValidAccessToken() {
        assertThat(accepts(b -> b)).isTrue();
        assertThat(validator.validate(valid().build()).hasErrors()).isFalse();
    }

    @Test
    void requiresAtJwtType() {
        assertThat(accepts(b -> b.header("typ", "JWT"))).isFalse();
        assertThat(accepts(b -> b.headers(h -> h.remove("typ")))).isFalse();
        assertThat(accepts(b -> b.header("typ", "AT+JWT"))).isTrue();
    }

    @Test
    void requiresExactIssuerAndOurAudience() {
        assertThat(accepts(b -> b.issuer("shop-auth "))).isFalse();
        assertThat(accepts(b -> b.issuer("https://shop-auth"))).isFalse();
        assertThat(accepts(b -> b.audience(List.of("shop-member")))).isFalse();
        assertThat(accepts(b -> b.claims(c -> c.remove("aud")))).isFalse();
    }

    @Test
    void requiresSubjectJtiIssuedAtAndExpiry() {
        assertThat(accepts(b -> b.claims(c -> c.remove("sub")))).isFalse();
        assertThat(accepts(b -> b.claims(c -> c.remove("jti")))).isFalse();
        assertThat(accepts(b -> b.claims(c -> c.remove("iat")))).isFalse();
        assertThat(accepts(b -> b.claims(c -> c.remove("exp")))).isFalse();
        assertThat(accepts(b -> b.subject(" "))).isFalse();
    }

    @Test
    void allowsSixtySecondsOfClockSkew() {
        assertThat(accepts(b -> b.issuedAt(NOW.minusSeconds(300)).expiresAt(NOW.minusSeconds(60)))).isTrue();
        assertThat(accepts(b -> b.issuedAt(NOW.minusSeconds(300)).expiresAt(NOW.minusSeconds(61)))).isFalse();
        assertThat(accepts(b -> b.issuedAt(NOW.plusSeconds(60)).expiresAt(NOW.plusSeconds(300)))).isTrue();
        assertThat(accepts(b -> b.issuedAt(NOW.plusSeconds(61)).expiresAt(NOW.plusSeconds(300)))).isFalse();
        assertThat(accepts(b -> b.notBefore(NOW.plusSeconds(60)))).isTrue();
        assertThat(accepts(b -> b.notBefore(NOW.plusSeconds(61)))).isFalse();
    }

    @Test
    void rejectsLifetimesOverTenMinutes() {
        assertThat(accepts(b -> b.issuedAt(NOW.minusSeconds(10)).expiresAt(NOW.plusSeconds(590)))).isTrue();
        assertThat(accepts(b -> b.issuedAt(NOW.minusSeconds(10)).expiresAt(NOW.plusSeconds(591)))).isFalse();
    }

}
