package com.acme.shop.auth.token;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.acme.shop.auth.keys.KeysProperties;
import com.acme.shop.auth.keys.SigningKeys;
import com.acme.shop.auth.keys.SigningKeysLoader;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenIssuerTest {

    @TempDir
    Path dir;

    private static TokenProperties properties(Duration ttl) {
        return new TokenProperties("shop-auth", null, ttl, null, null, null);
    }

    @Test
    void signsEs256AccessTokensWithTypKidAndTheContractClaims() {
        SigningKeys keys = SigningKeysLoader.load(new KeysProperties(dir, null, null, null));
        Instant now = Instant.now();
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, properties(Duration.ofSeconds(300)),
                Clock.fixed(now, ZoneOffset.UTC));
        UUID user = UUID.randomUUID();

        IssuedAccessToken token = issuer.issue(user, "ann@example.com", List.of("USER", "ADMIN"));

        String header = new String(Base64.getUrlDecoder().decode(token.value().split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"typ\":\"at+jwt\"")
            .contains("\"alg\":\"ES256\"")
            .contains("\"kid\":\"" + keys.current().kid() + "\"");
        Jws<Claims> jws = Jwts.parser().verifyWith(keys.current().publicKey()).build().parseSignedClaims(token.value());
        Claims claims = jws.getPayload();
        assertThat(claims.getIssuer()).isEqualTo("shop-auth");
        assertThat(claims.getSubject()).isEqualTo(user.toString());
        assertThat(claims.getAudience()).containsExactlyInAnyOrder("shop-gateway", "shop-member", "shop-bff",
                "shop-auth", "shop-product", "shop-order");
        assertThat(claims.get("email")).isEqualTo("ann@example.com");
        assertThat(claims.get("roles")).isEqualTo(List.of("USER", "ADMIN"));
        assertThat(claims.getId()).isEqualTo(token.jti());
        assertThat(claims.getExpiration().getTime() - claims.getIssuedAt().getTime()).isEqualTo(300_000);
        assertThat(token.value()).doesNotContain(user.toString());
    }

    @Test
    void aTokenIssuedInTheSecondOfAPasswordChangeButAfterItGetsTheNextSecondAsIat() {
        SigningKeys keys = SigningKeysLoader.load(new KeysProperties(dir, null, null, null));
        Instant now = Instant.parse("2026-03-01T10:00:00.700Z");
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, properties(Duration.ofSeconds(300)),
                Clock.fixed(now, ZoneOffset.UTC));
        AccessTokenSlot slot = issuer.reserve();
        long changedAt = Instant.parse("2026-03-01T10:00:00.400Z").toEpochMilli();

        IssuedAccessToken bumped = issuer.issue(UUID.randomUUID(), "ann@example.com", List.of("USER"), slot, changedAt);
        IssuedAccessToken unchanged = issuer.issue(UUID.randomUUID(), "ann@example.com", List.of("USER"),
                issuer.reserve(), Instant.parse("2026-03-01T09:59:59.999Z").toEpochMilli());

        assertThat(bumped.jti()).isEqualTo(slot.jti());
        assertThat(bumped.issuedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:01Z"));
        assertThat(bumped.issuedAt().toEpochMilli()).isGreaterThanOrEqualTo(changedAt);
        assertThat(bumped.expiresAt()).isEqualTo(slot.expiresBy()).isEqualTo(Instant.parse("2026-03-01T10:05:01Z"));
        assertThat(unchanged.issuedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(unchanged.expiresAt()).isEqualTo(Instant.parse("2026-03-01T10:05:00Z"));
    }

    @Test
    void serviceTokensAreForMemberOnlyAndLiveOneMinute() {
        SigningKeys keys = SigningKeysLoader.load(new KeysProperties(dir, null, null, null));
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, properties(null), Clock.systemUTC());

        Claims claims = Jwts.parser()
            .verifyWith(keys.current().publicKey())
            .build()
            .parseSignedClaims(issuer.serviceToken())
            .getPayload();

        assertThat(claims.getSubject()).isEqualTo("service:auth");
        assertThat(claims.getAudience()).containsExactly("shop-member");
        assertThat(claims.get("roles")).isEqualTo(List.of("SERVICE"));
        assertThat(claims.getExpiration().getTime() - claims.getIssuedAt().getTime()).isEqualTo(60_000);
    }

    @Test
    void refusesAnAccessTokenLifetimeOverTenMinutes() {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(601))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ACCESS_TOKEN_TTL");
        assertThat(properties(Duration.ofSeconds(600)).accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties(null).accessTokenTtl()).isEqualTo(Duration.ofSeconds(300));
    }

}
