package com.acme.shop.member;

import io.jsonwebtoken.Jwts;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Stands in for auth in tests: an EC P-256 key whose public half is served as a JWKS by a small
 * reactor-netty server on a free port, and access tokens minted with it (ES256, {@code typ at+jwt}).
 */
final class TestTokens {

    static final String ISSUER = "shop-auth";
    static final String AUDIENCE = "shop-member";
    static final String KID = "test-key-1";

    private static TestTokens instance;

    private final KeyPair keys = Jwts.SIG.ES256.keyPair().build();
    private final KeyPair otherKeys = Jwts.SIG.ES256.keyPair().build();
    private final DisposableServer jwksServer;

    private TestTokens() {
        String jwks = "{\"keys\":[" + jwk((ECPublicKey) keys.getPublic(), KID) + "]}";
        jwksServer = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/.well-known/jwks.json", (request, response) -> response
                        .header("Content-Type", "application/json")
                        .sendString(Mono.just(jwks))))
                .bindNow();
        Runtime.getRuntime().addShutdownHook(new Thread(jwksServer::disposeNow, "test-jwks-shutdown"));
    }

    static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    String jwksUri() {
        return "http://127.0.0.1:" + jwksServer.port() + "/.well-known/jwks.json";
    }

    String admin(UUID id) {
        return builder(id.toString(), List.of("USER", "ADMIN")).compact();
    }

    String user(UUID id) {
        return builder(id.toString(), List.of("USER")).compact();
    }

    String service() {
        return builder("service:auth", List.of("SERVICE")).compact();
    }

    String expiredUser(UUID id) {
        Instant issued = Instant.now().minus(Duration.ofMinutes(10));
        return builder(id.toString(), List.of("USER"))
                .issuedAt(Date.from(issued))
                .expiration(Date.from(issued.plus(Duration.ofMinutes(5))))
                .compact();
    }

    String wrongAudienceAdmin(UUID id) {
        return builder(id.toString(), List.of("USER", "ADMIN")).audience().single("shop-bff").compact();
    }

    /** Same kid and claims, but signed with a key the JWKS does not hold. */
    String badSignatureAdmin(UUID id) {
        return builder(id.toString(), List.of("USER", "ADMIN")).signWith(otherKeys.getPrivate(), Jwts.SIG.ES256).compact();
    }

    /** Signed with HS256 (a shared secret) instead of ES256: must be refused (rule B2). */
    String hmacAdmin(UUID id) {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return builder(id.toString(), List.of("USER", "ADMIN"))
                .signWith(io.jsonwebtoken.security.Keys.hmacShaKeyFor(secret), Jwts.SIG.HS256).compact();
    }

    /** A correctly signed token whose {@code typ} is plain {@code JWT}, not {@code at+jwt} (rule B4). */
    String wrongTypeAdmin(UUID id) {
        return builder(id.toString(), List.of("USER", "ADMIN")).header().type("JWT").and().compact();
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    String unsignedAdmin(UUID id) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":[\"" + AUDIENCE + "\"],\"sub\":\"" + id
                + "\",\"roles\":[\"USER\",\"ADMIN\"],\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + "}";
        return base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private io.jsonwebtoken.JwtBuilder builder(String subject, List<String> roles) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header().keyId(KID).type("at+jwt").and()
                .issuer(ISSUER)
                .audience().add(AUDIENCE).and()
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("email", subject + "@example.com")
                .claim("roles", roles)
                .signWith(keys.getPrivate(), Jwts.SIG.ES256);
    }

    private static String jwk(ECPublicKey key, String kid) {
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"x\":\""
                + coordinate(key.getW().getAffineX()) + "\",\"y\":\"" + coordinate(key.getW().getAffineY()) + "\"}";
    }

    /** A P-256 coordinate as 32 unsigned big-endian bytes, base64url (RFC 7518 §6.2.1.2). */
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return base64Url(fixed);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
