package com.acme.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.acme.shop.common.requestid.RequestIdWebFilter;
import com.acme.shop.common.testing.MutableClock;
import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.TestInfra;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * The access-token decoder against a JWKS served over real HTTP (rules B2–B6, B13 with a
 * real Redis).
 */
class AccessTokenDecoderIT {

    static final String AUDIENCE = "shop-test";

    static TestTokens tokens;
    static TestRedis redis;
    static ReactiveJwtDecoder decoder;

    @BeforeAll
    static void start() {
        tokens = newTokens();
        redis = TestRedis.connect();
        decoder = AccessTokenDecoders.create(props(), redis.template);
    }

    @AfterAll
    static void stop() {
        tokens.close();
        redis.close();
    }

    static AccessTokenProperties props() {
        return new AccessTokenProperties(TestTokens.ISSUER, AUDIENCE, tokens.jwksUri(), null, true);
    }

    static TestTokens newTokens() {
        return TestTokens.builder().audiences("shop-gateway", AUDIENCE).build();
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
        Jwt jwt = decode(tokens.admin(subject));
        assertThat(jwt.getSubject()).isEqualTo(subject);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER", "ADMIN");
    }

    @Test
    void theJwksFetchCarriesTheRequestIdOfTheRequestThatNeededTheKeys() {
        try (TestTokens fresh = newTokens()) {
            ReactiveJwtDecoder fetching = AccessTokenDecoders
                .create(new AccessTokenProperties(TestTokens.ISSUER, AUDIENCE, fresh.jwksUri(), null, false), null);

            fetching.decode(fresh.user(UUID.randomUUID().toString()))
                .contextWrite(ctx -> ctx.put(RequestIdWebFilter.CONTEXT_KEY, "jwks-trace-3"))
                .block(Duration.ofSeconds(10));

            assertThat(fresh.jwksHits()).isEqualTo(1);
            assertThat(fresh.lastJwksRequestId()).isEqualTo("jwks-trace-3");
        }
    }

    @Test
    void rejectsUnsignedAlgNone() {
        String token = tokens.token().unsigned();
        assertThat(token).endsWith(".");
        assertRejected(token);
    }

    @Test
    void rejectsHs256SignedWithThePublicKeyBytes() {
        String token = tokens.token().roles("ADMIN").signHs256WithPublicKey();
        assertRejected(token);
    }

    @Test
    void rejectsRs256EvenWhenTheJwksHoldsThatRsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        RSAKey rsaJwk = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) rsa.getPublic()).keyID("rsa-1")
            .build();
        try (TestTokens own = newTokens()) {
            own.publish(own.publicJwk(), rsaJwk);
            ReactiveJwtDecoder rsaAware = AccessTokenDecoders.create(props().withJwksUri(own.jwksUri()), null);
            String token = own.token().kid("rsa-1").signWith(rsa.getPrivate(), Jwts.SIG.RS256);
            assertThatThrownBy(() -> rsaAware.decode(token).block(Duration.ofSeconds(10)))
                .isInstanceOf(BadJwtException.class);
        }
    }

    @Test
    void rejectsTokenWithoutAlg() {
        assertRejected(TestTokens.withHeader(tokens.user(), "{\"kid\":\"" + tokens.kid() + "\",\"typ\":\"at+jwt\"}"));
    }

    @Test
    void rejectsUnknownKid() {
        String token = tokens.token().kid("unknown-" + UUID.randomUUID()).sign();
        assertRejected(token);
    }

    @Test
    void rejectsForeignKeyWithTheSameKid() {
        String token = tokens.token().roles("ADMIN").signWith(TestTokens.newEcKeyPair());
        assertRejected(token);
    }

    @Test
    void ignoresKeyEmbeddedInTheJwkHeader() throws Exception {
        KeyPair attacker = TestTokens.newEcKeyPair();
        ECKey attackerJwk = TestTokens.publicJwk(attacker, "attacker");
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
            .keyID("attacker")
            .jwk(attackerJwk)
            .jwkURL(java.net.URI.create("http://127.0.0.1:1/jwks.json"))
            .build();
        SignedJWT jwt = new SignedJWT(header, validClaims().build());
        jwt.sign(new ECDSASigner((java.security.interfaces.ECPrivateKey) attacker.getPrivate()));
        assertRejected(jwt.serialize());
    }

    @Test
    void rejectsWrongIssuer() {
        assertRejected(tokens.token().issuer("shop-auth-evil").sign());
    }

    @Test
    void rejectsWrongAudience() {
        assertThat(decode(tokens.token().audiences(AUDIENCE).sign())).isNotNull();
        assertRejected(tokens.token().audiences("shop-member").sign());
    }

    @Test
    void rejectsMissingJtiSubOrIat() {
        assertRejected(tokens.token().jti(null).sign());
        assertRejected(tokens.token().subject(null).sign());
        assertRejected(tokens.token().issuedAt(null).sign());
        assertRejected(tokens.token().expiresAt(null).sign());
    }

    @Test
    void rejectsOtherTyp() {
        assertRejected(tokens.token().type("JWT").sign());
        assertRejected(tokens.token().type(null).sign());
    }

    @Test
    void rejectsExpiredBeyondSkewButAcceptsWithinSkew() {
        Instant now = Instant.now();
        assertRejected(tokens.token().issuedAt(now.minusSeconds(400)).expiresAt(now.minusSeconds(70)).sign());
        assertThat(decode(tokens.token().issuedAt(now.minusSeconds(330)).expiresAt(now.minusSeconds(30)).sign()))
            .isNotNull();
    }

    @Test
    void rejectsIatOrNbfInTheFutureBeyondSkewButAcceptsWithinSkew() {
        Instant now = Instant.now();
        assertRejected(tokens.token().issuedAt(now.plusSeconds(90)).expiresAt(now.plusSeconds(300)).sign());
        assertRejected(tokens.token().notBefore(now.plusSeconds(90)).sign());
        assertThat(decode(tokens.token()
            .issuedAt(now.plusSeconds(30))
            .notBefore(now.plusSeconds(30))
            .expiresAt(now.plusSeconds(300))
            .sign())).isNotNull();
    }

    @Test
    void rejectsLifetimeOverTenMinutes() {
        Instant now = Instant.now();
        assertRejected(tokens.token().issuedAt(now).expiresAt(now.plusSeconds(3600)).sign());
    }

    @Test
    void refreshesJwksOnceForUnknownKidAndAcceptsRotatedKey() {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestTokens own = newTokens()) {
            ReactiveJwtDecoder rotating = AccessTokenDecoders.create(props().withJwksUri(own.jwksUri()), null, clock);
            assertThat(rotating.decode(own.user()).block(Duration.ofSeconds(10))).isNotNull();
            assertThat(own.jwksHits()).isEqualTo(1);

            KeyPair next = TestTokens.newEcKeyPair();
            own.publish(own.publicJwk(), TestTokens.publicJwk(next, "next"));
            String rotated = own.token().kid("next").signWith(next);

            // within 30 s of the last fetch an unknown kid does not trigger a refresh
            assertThatThrownBy(() -> rotating.decode(rotated).block(Duration.ofSeconds(10)))
                .isInstanceOf(BadJwtException.class);
            assertThat(own.jwksHits()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(31));
            assertThat(rotating.decode(rotated).block(Duration.ofSeconds(10))).isNotNull();
            assertThat(own.jwksHits()).isEqualTo(2);

            // an unknown kid right after that refresh is rejected without another fetch
            String unknown = own.token().kid("nope").signWith(next);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> rotating.decode(unknown).block(Duration.ofSeconds(10)))
                    .isInstanceOf(BadJwtException.class);
            }
            assertThat(own.jwksHits()).isEqualTo(2);
        }
    }

    @Test
    void verifiesFromInMemoryJwksWithoutHttp() {
        try (TestTokens own = newTokens()) {
            ReactiveJwtDecoder inMemory = AccessTokenDecoders.create(props().withJwksUri(own.jwksUri()),
                    new com.nimbusds.jose.jwk.JWKSet(own.publicJwk()), null);
            assertThat(inMemory.decode(own.user()).block(Duration.ofSeconds(10))).isNotNull();
            assertThat(own.jwksHits()).isZero();
        }
    }

    @Test
    void rejectsDenylistedJti() {
        String jti = UUID.randomUUID().toString();
        String token = tokens.token().jti(jti).sign();
        assertThat(decode(token)).isNotNull();
        redis.template.opsForValue()
            .set(RevocationKeys.denylist(TestTokens.ISSUER, jti), "1", Duration.ofSeconds(120))
            .block(Duration.ofSeconds(5));
        assertRejected(token);
    }

    @Test
    void rejectsAtOnceADenylistedTokenThatWasCachedBefore() {
        AtomicInteger verifications = new AtomicInteger();
        ReactiveJwtDecoder cachingDecoder = countingDecoder(verifications);
        String jti = UUID.randomUUID().toString();
        String token = tokens.token().jti(jti).sign();
        assertThat(cachingDecoder.decode(token).block(Duration.ofSeconds(10))).isNotNull();
        assertThat(cachingDecoder.decode(token).block(Duration.ofSeconds(10))).isNotNull();
        assertThat(verifications).hasValue(1);

        redis.template.opsForValue()
            .set(RevocationKeys.denylist(TestTokens.ISSUER, jti), "1", Duration.ofSeconds(120))
            .block(Duration.ofSeconds(5));

        assertThatThrownBy(() -> cachingDecoder.decode(token).block(Duration.ofSeconds(10)))
            .isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void verifiesAndRejectsAOneByteChangeOfACachedToken() {
        AtomicInteger verifications = new AtomicInteger();
        ReactiveJwtDecoder cachingDecoder = countingDecoder(verifications);
        String token = tokens.user();
        assertThat(cachingDecoder.decode(token).block(Duration.ofSeconds(10))).isNotNull();

        int inSignature = token.lastIndexOf('.') + 10;
        char flipped = token.charAt(inSignature) == 'A' ? 'B' : 'A';
        String badSignature = token.substring(0, inSignature) + flipped + token.substring(inSignature + 1);
        String otherSubject = TestTokens.tamper(token, payload -> payload.replaceFirst("\"sub\":\"", "\"sub\":\"x"));

        assertThatThrownBy(() -> cachingDecoder.decode(badSignature).block(Duration.ofSeconds(10)))
            .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cachingDecoder.decode(otherSubject).block(Duration.ofSeconds(10)))
            .isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void rejectsTokensIssuedBeforeTheSubjectsTokensValidAfterInstant() {
        String subject = UUID.randomUUID().toString();
        Instant changedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(5);
        String before = tokens.token(subject)
            .issuedAt(changedAt.minusSeconds(1))
            .expiresAt(changedAt.plusSeconds(290))
            .sign();
        String sameSecondBefore = tokens.token(subject)
            .issuedAt(changedAt)
            .expiresAt(changedAt.plusSeconds(300))
            .sign();
        String after = tokens.token(subject)
            .issuedAt(changedAt.plusSeconds(1))
            .expiresAt(changedAt.plusSeconds(301))
            .sign();
        String otherSubject = tokens.token()
            .issuedAt(changedAt.minusSeconds(1))
            .expiresAt(changedAt.plusSeconds(290))
            .sign();
        assertThat(decode(before)).isNotNull();

        // the password was changed 250 ms into that second: a token with that iat (whole
        // seconds) predates it
        setTokensValidAfter(subject, changedAt.plusMillis(250));

        assertRejected(before);
        assertRejected(sameSecondBefore);
        assertThat(decode(after).getSubject()).isEqualTo(subject);
        assertThat(decode(otherSubject)).isNotNull();
    }

    @Test
    void acceptsATokenWhoseIatIsExactlyTheTokensValidAfterInstant() {
        String subject = UUID.randomUUID().toString();
        Instant changedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        setTokensValidAfter(subject, changedAt);
        assertThat(decode(tokens.token(subject).issuedAt(changedAt).expiresAt(changedAt.plusSeconds(300)).sign()))
            .isNotNull();
        assertRejected(
                tokens.token(subject).issuedAt(changedAt.minusSeconds(1)).expiresAt(changedAt.plusSeconds(299)).sign());
    }

    @Test
    void rejectsAtOnceACachedTokenIssuedBeforeAPasswordChange() {
        AtomicInteger verifications = new AtomicInteger();
        ReactiveJwtDecoder cachingDecoder = countingDecoder(verifications);
        String subject = UUID.randomUUID().toString();
        Instant issuedAt = Instant.now().minusSeconds(2);
        String token = tokens.token(subject).issuedAt(issuedAt).expiresAt(issuedAt.plusSeconds(300)).sign();
        assertThat(cachingDecoder.decode(token).block(Duration.ofSeconds(10))).isNotNull();
        assertThat(cachingDecoder.decode(token).block(Duration.ofSeconds(10))).isNotNull();
        assertThat(verifications).hasValue(1);

        setTokensValidAfter(subject, Instant.now());

        assertThatThrownBy(() -> cachingDecoder.decode(token).block(Duration.ofSeconds(10)))
            .isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(1);
    }

    private static void setTokensValidAfter(String subject, Instant instant) {
        redis.template.opsForValue()
            .set(RevocationKeys.tokensValidAfter(TestTokens.ISSUER, subject), Long.toString(instant.toEpochMilli()),
                    Duration.ofSeconds(120))
            .block(Duration.ofSeconds(5));
    }

    /**
     * The production chain over real Redis, with keys from memory and every signature
     * check counted.
     */
    private static ReactiveJwtDecoder countingDecoder(AtomicInteger verifications) {
        JWKSet jwks = new JWKSet(tokens.publicJwk());
        Function<SignedJWT, Flux<JWK>> keys = jwt -> {
            verifications.incrementAndGet();
            return Flux.fromIterable(PinnedJwkSource.select(jwks, jwt.getHeader().getKeyID()));
        };
        return AccessTokenDecoders.create(props(), keys, redis.template, Clock.systemUTC());
    }

    @Test
    void failsClosedWhenDenylistIsUnreachable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestInfra.redisIsEmbedded());
        String token = tokens.user();
        assertThat(decode(token)).isNotNull(); // cached now: the revocation state is
                                               // still asked, and fails closed
        TestInfra.stopRedis();
        try {
            assertThatThrownBy(() -> decode(token)).isInstanceOf(TokenCheckUnavailableException.class);
        }
        finally {
            TestInfra.startRedis();
        }
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .ignoreExceptions()
            .untilAsserted(() -> assertThat(decode(token)).isNotNull());
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
            .audience(AUDIENCE)
            .subject(UUID.randomUUID().toString())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)));
    }

}
