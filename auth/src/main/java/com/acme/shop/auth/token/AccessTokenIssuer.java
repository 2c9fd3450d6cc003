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
        return sign(userId.toString(), email, roles, properties.audiences(), properties.accessTokenTtl().toSeconds());
    }

    /** Token for auth → member internal calls: sub service:auth, roles [SERVICE], aud [shop-member], 60 s. */
    public String serviceToken() {
        return sign(SERVICE_SUBJECT, null, List.of("SERVICE"), List.of("shop-member"),
                properties.serviceTokenTtl().toSeconds()).value();
    }

    public long accessTokenTtlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    private IssuedAccessToken sign(String subject, String email, List<String> roles, List<String> audiences,
            long ttlSeconds) {
        SigningKey key = keys.current();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plusSeconds(ttlSeconds);
        String jti = UUID.randomUUID().toString();
        var builder = Jwts.builder()
                .header().type("at+jwt").keyId(key.kid()).and()
                .issuer(properties.issuer())
                .audience().add(audiences).and()
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
