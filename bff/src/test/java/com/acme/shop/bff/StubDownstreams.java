package com.acme.shop.bff;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.jsonwebtoken.Jwts;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Stand-ins for auth (JWKS + verify) and member, served by in-test reactor-netty servers on
 * free ports, plus an ES256 signing key to mint access tokens the bff accepts.
 */
final class StubDownstreams implements AutoCloseable {

    static final String ISSUER = "shop-auth";
    static final String KID = "test-key-1";
    static final UUID USER_ID = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID ADMIN_ID = UUID.fromString("22222222-2222-2222-2222-222222222222");
    static final Instant EXPIRES = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);

    enum MemberMode { UP, HANG }

    final KeyPair signingKey = ecKeyPair();
    final AtomicReference<MemberMode> memberMode = new AtomicReference<>(MemberMode.UP);
    final AtomicReference<String> lastAuthAuthorization = new AtomicReference<>();
    final AtomicReference<String> lastMemberAuthorization = new AtomicReference<>();
    final AtomicReference<String> lastMembersQuery = new AtomicReference<>();
    private final DisposableServer auth;
    private final DisposableServer member;

    StubDownstreams() {
        auth = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/.well-known/jwks.json", (req, res) -> json(res, jwks()))
                        .get("/api/auth/verify", (req, res) -> {
                            String authorization = req.requestHeaders().get("Authorization");
                            lastAuthAuthorization.set(authorization);
                            boolean admin = authorization != null && payloadOf(authorization).contains("\"ADMIN\"");
                            UUID id = admin ? ADMIN_ID : USER_ID;
                            String roles = admin ? "[\"USER\",\"ADMIN\"]" : "[\"USER\"]";
                            return json(res, "{\"sub\":\"%s\",\"email\":\"%s\",\"roles\":%s,\"exp\":%d}"
                                    .formatted(id, admin ? "admin@shop.local" : "ann@example.com", roles, EXPIRES.getEpochSecond()));
                        }))
                .bindNow();
        member = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/api/members/me", (req, res) -> {
                            lastMemberAuthorization.set(req.requestHeaders().get("Authorization"));
                            if (memberMode.get() == MemberMode.HANG) {
                                return Mono.never();
                            }
                            return json(res, member(USER_ID, "Ann Example", "ann@example.com"));
                        })
                        .get("/api/members", (req, res) -> {
                            lastMembersQuery.set(req.uri());
                            if (memberMode.get() == MemberMode.HANG) {
                                return Mono.never();
                            }
                            return json(res, "{\"content\":[%s,%s],\"page\":{\"size\":5,\"number\":0,\"totalElements\":42,\"totalPages\":9}}"
                                    .formatted(member(UUID.randomUUID(), "Newest Member", "newest@example.com"),
                                            member(UUID.randomUUID(), "Older Member", "older@example.com")));
                        }))
                .bindNow();
    }

    String authUrl() {
        return "http://127.0.0.1:" + auth.port();
    }

    String memberUrl() {
        return "http://127.0.0.1:" + member.port();
    }

    String userToken() {
        return token(signingKey, USER_ID, List.of("USER"));
    }

    String adminToken() {
        return token(signingKey, ADMIN_ID, List.of("USER", "ADMIN"));
    }

    /** A well-formed token signed by a key the JWKS does not hold (same kid). */
    String tokenSignedByAStranger() {
        return token(ecKeyPair(), USER_ID, List.of("USER"));
    }

    static String token(KeyPair key, UUID subject, List<String> roles) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header().keyId(KID).type("at+jwt").and()
                .issuer(ISSUER)
                .subject(subject.toString())
                .audience().add("shop-gateway").add("shop-bff").and()
                .id(UUID.randomUUID().toString())
                .claim("email", "someone@example.com")
                .claim("roles", roles)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(300)))
                .signWith(key.getPrivate(), Jwts.SIG.ES256)
                .compact();
    }

    private static String payloadOf(String authorization) {
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        return parts.length == 3 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
    }

    private String jwks() {
        ECPublicKey key = (ECPublicKey) signingKey.getPublic();
        return "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"%s\",\"x\":\"%s\",\"y\":\"%s\"}]}"
                .formatted(KID, coordinate(key.getW().getAffineX()), coordinate(key.getW().getAffineY()));
    }

    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static String member(UUID id, String name, String email) {
        return "{\"id\":\"%s\",\"email\":\"%s\",\"name\":\"%s\",\"phone\":null,\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"version\":0}"
                .formatted(id, email, name);
    }

    private static Mono<Void> json(HttpServerResponse response, String body) {
        return response.header("Content-Type", "application/json")
                .sendString(Mono.just(body), StandardCharsets.UTF_8)
                .then();
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        auth.disposeNow();
        member.disposeNow();
    }

    static String unusedLocalUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
