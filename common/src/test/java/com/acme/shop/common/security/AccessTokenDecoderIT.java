package com.acme.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.acme.shop.infra.TestInfra;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The access-token decoder against a JWKS served over real HTTP (rules B2–B6, B13 with a real Redis).
 */
class AccessTokenDecoderIT {

    static TestTokens tokens;
    static TestRedis redis;
    static ReactiveJwtDecoder decoder;

    @BeforeAll
    static void start() {
        tokens = TestTokens.start();
        redis = TestRedis.connect();
        decoder = AccessTokenDecoders.create(props(), redis.template);
    }

    @AfterAll
    static void stop() {
        tokens.close();
        redis.close();
    }

    static AccessTokenProperties props() {
        return new AccessTokenProperties(TestTokens.ISSUER, TestTokens.AUDIENCE, tokens.jwksUri(), null, true);
    }

    private static Jwt decode(String token) {
        return decoder.decode(token).block(Duration.ofSeconds(10));
    }

    private static void assertRejected(String token) {
        assertThatThrownBy(() -> decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void acceptsValidToken() {
        String subject = UUID.randomUUID().toString();
        Jwt jwt = decode(tokens.token(subject, "USER", "ADMIN"));
        assertThat(jwt.getSubject()).isEqualTo(subject);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER", "ADMIN");
    }

    @Test
    void rejectsUnsignedAlgNone() {
        String token = Jwts.builder().header().keyId(tokens.kid).type("at+jwt").and()
                .issuer(TestTokens.ISSUER).audience().add(TestTokens.AUDIENCE).and()
                .subject(UUID.randomUUID().toString()).id(UUID.randomUUID().toString())
                .issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(300)))
                .compact();
        assertThat(token).endsWith(".");
        assertRejected(token);
    }

    @Test
    void rejectsHs256SignedWithThePublicKeyBytes() {
        String token = tokens.claims(UUID.randomUUID().toString(), List.of("ADMIN"))
                .signWith(Keys.hmacShaKeyFor(tokens.signingKey.getPublic().getEncoded()), Jwts.SIG.HS256)
                .compact();
        assertRejected(token);
    }

    @Test
    void rejectsRs256EvenWhenTheJwksHoldsThatRsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        RSAKey rsaJwk = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) rsa.getPublic()).keyID("rsa-1").build();
        TestTokens own = TestTokens.start();
        try {
            own.publish(TestTokens.publicJwk(own.signingKey, own.kid), rsaJwk);
            ReactiveJwtDecoder rsaAware = AccessTokenDecoders.create(props().withJwksUri(own.jwksUri()), null);
            String token = own.claims(UUID.randomUUID().toString(), List.of("USER"))
                    .header().keyId("rsa-1").and()
                    .signWith(rsa.getPrivate(), Jwts.SIG.RS256).compact();
            assertThatThrownBy(() -> rsaAware.decode(token).block(Duration.ofSeconds(10)))
                    .isInstanceOf(BadJwtException.class);
        }
        finally {
            own.close();
        }
    }

    @Test
    void rejectsTokenWithoutAlg() {
        String header = b64("{\"kid\":\"" + tokens.kid + "\",\"typ\":\"at+jwt\"}");
        String valid = tokens.userToken();
        String[] parts = valid.split("\\.");
        assertRejected(header + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void rejectsUnknownKid() {
        String token = tokens.claims(UUID.randomUUID().toString(), List.of("USER"))
                .header().keyId("unknown-" + UUID.randomUUID()).and()
                .signWith(tokens.signingKey.getPrivate(), Jwts.SIG.ES256).compact();
        assertRejected(token);
    }

    @Test
    void rejectsForeignKeyWithTheSameKid() {
        KeyPair foreign = TestTokens.newEcKeyPair();
        String token = tokens.claims(UUID.randomUUID().toString(), List.of("ADMIN"))
                .signWith(foreign.getPrivate(), Jwts.SIG.ES256).compact();
        assertRejected(token);
    }

    @Test
    void ignoresKeyEmbeddedInTheJwkHeader() throws Exception {
        KeyPair attacker = TestTokens.newEcKeyPair();
        ECKey attackerJwk = TestTokens.publicJwk(attacker, "attacker");
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID("attacker").jwk(attackerJwk).jwkURL(java.net.URI.create("http://127.0.0.1:1/jwks.json")).build();
        SignedJWT jwt = new SignedJWT(header, validClaims().build());
        jwt.sign(new ECDSASigner((java.security.interfaces.ECPrivateKey) attacker.getPrivate()));
        assertRejected(jwt.serialize());
    }

    @Test
    void rejectsWrongIssuer() {
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER")).issuer("shop-auth-evil")));
    }

    @Test
    void rejectsWrongAudience() {
        assertThat(decode(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER"))
                .claim("aud", List.of(TestTokens.AUDIENCE))))).isNotNull();
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER"))
                .claim("aud", List.of("shop-member"))));
    }

    @Test
    void rejectsMissingJtiSubOrIat() {
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER")).id(null)));
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER")).subject(null)));
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER")).issuedAt(null)));
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER")).expiration(null)));
    }

    @Test
    void rejectsOtherTyp() {
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER")).header().type("JWT").and()));
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER")).header().type(null).and()));
    }

    @Test
    void rejectsExpiredBeyondSkewButAcceptsWithinSkew() {
        Instant now = Instant.now();
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER"))
                .issuedAt(Date.from(now.minusSeconds(400))).expiration(Date.from(now.minusSeconds(70)))));
        assertThat(decode(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER"))
                .issuedAt(Date.from(now.minusSeconds(330))).expiration(Date.from(now.minusSeconds(30))))))
                .isNotNull();
    }

    @Test
    void rejectsIatOrNbfInTheFutureBeyondSkewButAcceptsWithinSkew() {
        Instant now = Instant.now();
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER"))
                .issuedAt(Date.from(now.plusSeconds(90))).expiration(Date.from(now.plusSeconds(300)))));
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER"))
                .notBefore(Date.from(now.plusSeconds(90)))));
        assertThat(decode(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER"))
                .issuedAt(Date.from(now.plusSeconds(30))).notBefore(Date.from(now.plusSeconds(30)))
                .expiration(Date.from(now.plusSeconds(300)))))).isNotNull();
    }

    @Test
    void rejectsLifetimeOverTenMinutes() {
        Instant now = Instant.now();
        assertRejected(tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER"))
                .issuedAt(Date.from(now)).expiration(Date.from(now.plusSeconds(3600)))));
    }

    @Test
    void refreshesJwksOnceForUnknownKidAndAcceptsRotatedKey() {
        MutableClock clock = new MutableClock(Instant.now());
        TestTokens own = TestTokens.start();
        try {
            ReactiveJwtDecoder rotating = AccessTokenDecoders.create(props().withJwksUri(own.jwksUri()), null, clock);
            assertThat(rotating.decode(own.userToken()).block(Duration.ofSeconds(10))).isNotNull();
            assertThat(own.jwksHits.get()).isEqualTo(1);

            KeyPair next = TestTokens.newEcKeyPair();
            own.publish(TestTokens.publicJwk(own.signingKey, own.kid), TestTokens.publicJwk(next, "next"));
            String rotated = own.claims(UUID.randomUUID().toString(), List.of("USER")).header().keyId("next").and()
                    .signWith(next.getPrivate(), Jwts.SIG.ES256).compact();

            // within 30 s of the last fetch an unknown kid does not trigger a refresh
            assertThatThrownBy(() -> rotating.decode(rotated).block(Duration.ofSeconds(10)))
                    .isInstanceOf(BadJwtException.class);
            assertThat(own.jwksHits.get()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(31));
            assertThat(rotating.decode(rotated).block(Duration.ofSeconds(10))).isNotNull();
            assertThat(own.jwksHits.get()).isEqualTo(2);

            // an unknown kid right after that refresh is rejected without another fetch
            String unknown = own.claims(UUID.randomUUID().toString(), List.of("USER")).header().keyId("nope").and()
                    .signWith(next.getPrivate(), Jwts.SIG.ES256).compact();
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> rotating.decode(unknown).block(Duration.ofSeconds(10)))
                        .isInstanceOf(BadJwtException.class);
            }
            assertThat(own.jwksHits.get()).isEqualTo(2);
        }
        finally {
            own.close();
        }
    }

    @Test
    void verifiesFromInMemoryJwksWithoutHttp() {
        TestTokens own = TestTokens.start();
        try {
            ReactiveJwtDecoder inMemory = AccessTokenDecoders.create(props(),
                    new com.nimbusds.jose.jwk.JWKSet(TestTokens.publicJwk(own.signingKey, own.kid)), null);
            assertThat(inMemory.decode(own.userToken()).block(Duration.ofSeconds(10))).isNotNull();
            assertThat(own.jwksHits.get()).isZero();
        }
        finally {
            own.close();
        }
    }

    @Test
    void rejectsDenylistedJti() {
        String jti = UUID.randomUUID().toString();
        String token = tokens.sign(tokens.claims(UUID.randomUUID().toString(), List.of("USER")).id(jti));
        assertThat(decode(token)).isNotNull();
        redis.template.opsForValue().set("deny:" + TestTokens.ISSUER + ":" + jti, "1", Duration.ofSeconds(120))
                .block(Duration.ofSeconds(5));
        assertRejected(token);
    }

    @Test
    void failsClosedWhenDenylistIsUnreachable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestInfra.redisIsEmbedded());
        String token = tokens.userToken();
        TestInfra.stopRedis();
        try {
            assertThatThrownBy(() -> decode(token)).isInstanceOf(TokenCheckUnavailableException.class);
        }
        finally {
            TestInfra.startRedis();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().untilAsserted(() -> assertThat(decode(token)).isNotNull());
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject(UUID.randomUUID().toString()).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
