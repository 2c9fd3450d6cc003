package com.acme.shop.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.acme.shop.auth.keys.SigningKey;
import com.acme.shop.auth.keys.SigningKeys;
import io.jsonwebtoken.Jwts;

/** Signs ES256 access tokens ({@code typ: at+jwt}) and short-lived service tokens. */
public class AccessTokenIssuer {

    public static final String SERVICE_SUBJECT = "service:auth";

    private final SigningKeys keys;

    private final TokenProperties properties;

    private final Clock clock;

    public AccessTokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public IssuedAccessToken issue(UUID userId, String email, List<String> roles) {
        return issue(userId, email, roles, reserve(), 0);
    }

    /**
     * A new {@code jti} and the latest {@code exp} a token signed for it within the next
     * second may get (now + TTL + 1 s: {@code iat} may be moved up to the next whole
     * second, see {@link #issue(UUID, String, List, AccessTokenSlot, long)}).
     */
    public AccessTokenSlot reserve() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new AccessTokenSlot(UUID.randomUUID().toString(),
                now.plusSeconds(properties.accessTokenTtl().toSeconds() + 1));
    }

    /**
     * Signs the user's access token for a reserved slot. {@code iat} is
     * {@code max(now, ceil(validAfterMillis))} in whole seconds, so a token issued in the
     * same second as a password change, but after it, is not refused by the verifiers'
     * {@code iat * 1000 < tva} check (it is at most 1 s ahead, within B6's 60 s
     * allowance); {@code exp} is {@code iat + TTL}, capped at the slot's
     * {@code expiresBy} (what the family recorded for the denylist).
     */
    public IssuedAccessToken issue(UUID userId, String email, List<String> roles, AccessTokenSlot slot,
            long validAfterMillis) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long validAfterSeconds = Math.floorDiv(validAfterMillis + 999, 1000);
        Instant issuedAt = now.getEpochSecond() >= validAfterSeconds ? now : Instant.ofEpochSecond(validAfterSeconds);
        Instant expiresAt = issuedAt.plusSeconds(properties.accessTokenTtl().toSeconds());
        if (expiresAt.isAfter(slot.expiresBy())) {
            expiresAt = slot.expiresBy();
        }
        return sign(userId.toString(), email, roles, properties.audiences(), slot.jti(), issuedAt, expiresAt);
    }

    /**
     * Token for auth → member internal calls: sub service:auth, roles [SERVICE], aud
     * [shop-member], 60 s.
     */
    public String serviceToken() {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return sign(SERVICE_SUBJECT, null, List.of("SERVICE"), List.of("shop-member"), UUID.randomUUID().toString(),
                issuedAt, issuedAt.plusSeconds(properties.serviceTokenTtl().toSeconds()))
            .value();
    }

    public long accessTokenTtlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    private IssuedAccessToken sign(String subject, String email, List<String> roles, List<String> audiences, String jti,
            Instant issuedAt, Instant expiresAt) {
        SigningKey key = keys.current();
        var builder = Jwts.builder()
            .header()
            .type("at+jwt")
            .keyId(key.kid())
            .and()
            .issuer(properties.issuer())
            .audience()
            .add(audiences)
            .and()
            .subject(subject)
            .id(jti)
            .issuedAt(Date.from(issuedAt))
            .expiration(Date.from(expiresAt))
            .claim("roles", roles);
        if (email != null) {
            builder.claim("email", email);
        }
        String token = builder.signWith(key.privateKey(), Jwts.SIG.ES256).compact();
        return new IssuedAccessToken(token, jti, issuedAt, expiresAt);
    }

}
