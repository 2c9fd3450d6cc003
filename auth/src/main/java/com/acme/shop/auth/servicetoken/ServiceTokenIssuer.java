package com.acme.shop.auth.servicetoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.acme.shop.auth.keys.SigningKey;
import com.acme.shop.auth.keys.SigningKeys;
import io.jsonwebtoken.Jwts;

/**
 * Signs SERVICE access tokens ({@code typ at+jwt}, ES256, the current signing key):
 * {@code sub service:<client>}, one audience, {@code roles [SERVICE]}, no email.
 */
final class ServiceTokenIssuer {

    static final String SUBJECT_PREFIX = "service:";

    private final SigningKeys keys;

    private final String issuer;

    private final Duration ttl;

    private final Clock clock;

    ServiceTokenIssuer(SigningKeys keys, String issuer, Duration ttl, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    String issue(String client, String audience) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SigningKey key = keys.current();
        return Jwts.builder()
            .header()
            .type("at+jwt")
            .keyId(key.kid())
            .and()
            .issuer(issuer)
            .audience()
            .add(audience)
            .and()
            .subject(SUBJECT_PREFIX + client)
            .id(UUID.randomUUID().toString())
            .issuedAt(Date.from(issuedAt))
            .expiration(Date.from(issuedAt.plus(ttl)))
            .claim("roles", List.of("SERVICE"))
            .signWith(key.privateKey(), Jwts.SIG.ES256)
            .compact();
    }

    long ttlSeconds() {
        return ttl.toSeconds();
    }

}
