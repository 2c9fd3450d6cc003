package com.acme.shop.bff;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.acme.shop.common.requestid.RequestIdWebFilter;
import com.acme.shop.common.testing.TestTokens;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Stand-ins for auth (verify) and member, served by in-test reactor-netty servers on free ports,
 * plus {@link TestTokens} (auth's JWKS and the access tokens the bff accepts).
 */
final class StubDownstreams implements AutoCloseable {

    static final UUID USER_ID = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID ADMIN_ID = UUID.fromString("22222222-2222-2222-2222-222222222222");
    static final Instant EXPIRES = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);

    enum MemberMode { UP, HANG }

    final TestTokens tokens = TestTokens.create();
    final AtomicReference<MemberMode> memberMode = new AtomicReference<>(MemberMode.UP);
    final AtomicReference<String> lastAuthAuthorization = new AtomicReference<>();
    final AtomicReference<String> lastMemberAuthorization = new AtomicReference<>();
    final AtomicReference<String> lastMembersQuery = new AtomicReference<>();
    /** The X-Request-Id of each downstream call, by path. */
    final Map<String, String> lastRequestIds = new ConcurrentHashMap<>();
    private final DisposableServer auth;
    private final DisposableServer member;

    StubDownstreams() {
        auth = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/api/auth/verify", (req, res) -> {
                            record(req);
                            String authorization = req.requestHeaders().get("Authorization");
                            lastAuthAuthorization.set(authorization);
                            boolean admin = authorization != null
                                    && TestTokens.payload(authorization.substring("Bearer ".length())).contains("\"ADMIN\"");
                            UUID id = admin ? ADMIN_ID : USER_ID;
                            String roles = admin ? "[\"USER\",\"ADMIN\"]" : "[\"USER\"]";
                            return json(res, "{\"sub\":\"%s\",\"email\":\"%s\",\"roles\":%s,\"exp\":%d}"
                                    .formatted(id, admin ? "admin@shop.local" : "ann@example.com", roles, EXPIRES.getEpochSecond()));
                        }))
                .bindNow();
        member = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/api/members/me", (req, res) -> {
                            record(req);
                            lastMemberAuthorization.set(req.requestHeaders().get("Authorization"));
                            if (memberMode.get() == MemberMode.HANG) {
                                return Mono.never();
                            }
                            return json(res, member(USER_ID, "Ann Example", "ann@example.com"));
                        })
                        .get("/api/members", (req, res) -> {
                            record(req);
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

    private void record(HttpServerRequest request) {
        String requestId = request.requestHeaders().get(RequestIdWebFilter.HEADER);
        lastRequestIds.put(request.fullPath(), requestId != null ? requestId : "(none)");
    }

    String authUrl() {
        return "http://127.0.0.1:" + auth.port();
    }

    String memberUrl() {
        return "http://127.0.0.1:" + member.port();
    }

    String userToken() {
        return tokens.user(USER_ID);
    }

    String adminToken() {
        return tokens.admin(ADMIN_ID);
    }

    /** A well-formed token signed by a key the JWKS does not hold (same kid). */
    String tokenSignedByAStranger() {
        return tokens.token(USER_ID).signWith(TestTokens.newEcKeyPair());
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

    @Override
    public void close() {
        auth.disposeNow();
        member.disposeNow();
        tokens.close();
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
