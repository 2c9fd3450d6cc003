package com.acme.shop.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * In-test stand-ins for auth and the gateway (reactor-netty servers on free ports), started once
 * per JVM. Auth rotates refresh tokens and detects reuse like the real one (B10, B11); the gateway
 * accepts only access tokens auth issued and has not expired or revoked.
 */
public final class StubUpstreams {

    public static final String ADMIN_EMAIL = "admin@shop.local";
    public static final String USER_EMAIL = "user@shop.local";
    public static final String PASSWORD = "correct horse battery staple";
    public static final String XSS_EMAIL = "xss@shop.local";
    public static final String XSS_NAME = "<script>alert('x')</script>";
    public static final String MEMBER_ID = "7b0a4a0e-8f9e-4b8c-9d63-1c2b3a4d5e6f";

    private static final StubUpstreams INSTANCE = new StubUpstreams();

    public record User(String id, String email, String name, List<String> roles) {
    }

    public record Request(String method, String uri, Map<String, String> headers, String body) {
    }

    public final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    public final AtomicLong expiresIn = new AtomicLong(300);
    public final AtomicInteger refreshCalls = new AtomicInteger();
    public final AtomicInteger reuseDetected = new AtomicInteger();
    /** Refresh calls auth has finished processing (whether or not web-ui still waited for the answer). */
    public final AtomicInteger refreshesProcessed = new AtomicInteger();
    public final AtomicInteger refreshDelayMillis = new AtomicInteger();
    public final java.util.concurrent.atomic.AtomicBoolean rejectRefresh = new java.util.concurrent.atomic.AtomicBoolean();
    public final java.util.concurrent.atomic.AtomicBoolean homeDegraded = new java.util.concurrent.atomic.AtomicBoolean();
    public final List<Map<String, Object>> logoutCalls = new CopyOnWriteArrayList<>();
    public final List<Request> gatewayRequests = new CopyOnWriteArrayList<>();
    /** Every call to auth, with its headers (lower-case names). */
    public final List<Request> authRequests = new CopyOnWriteArrayList<>();
    /** access token -> user id, for tokens the gateway accepts. */
    public final Map<String, String> validAccessTokens = new ConcurrentHashMap<>();
    /** refresh token -> (user id, active?) */
    private final Map<String, String> activeRefreshTokens = new ConcurrentHashMap<>();
    private final Set<String> rotatedRefreshTokens = ConcurrentHashMap.newKeySet();

    private final DisposableServer auth;
    private final DisposableServer gateway;

    private StubUpstreams() {
        reset();
        auth = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/api/auth/login", (req, res) -> withJson(req, body -> login(res, body)))
                        .post("/api/auth/refresh", (req, res) -> withJson(req, body -> refresh(res, body)))
                        .post("/api/auth/logout", (req, res) -> withJson(req, body -> logout(req, res, body)))
                        .post("/api/auth/register", (req, res) -> withJson(req, body -> register(res, body)))
                        .post("/api/auth/password", (req, res) -> withJson(req, body -> changePassword(req, res, body))))
                .bindNow();
        gateway = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> withRaw(req, body -> gateway(req, res, body)))
                .bindNow();
    }

    public static StubUpstreams get() {
        return INSTANCE;
    }

    public String authUrl() {
        return "http://127.0.0.1:" + auth.port();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    public void reset() {
        users.clear();
        passwords.clear();
        users.put(ADMIN_EMAIL, new User("11111111-1111-1111-1111-111111111111", ADMIN_EMAIL, "Ada Admin", List.of("USER", "ADMIN")));
        users.put(USER_EMAIL, new User("22222222-2222-2222-2222-222222222222", USER_EMAIL, "Uma User", List.of("USER")));
        users.put(XSS_EMAIL, new User("33333333-3333-3333-3333-333333333333", XSS_EMAIL, XSS_NAME, List.of("USER")));
        expiresIn.set(300);
        refreshDelayMillis.set(0);
        rejectRefresh.set(false);
        homeDegraded.set(false);
        refreshCalls.set(0);
        reuseDetected.set(0);
        refreshesProcessed.set(0);
        logoutCalls.clear();
        gatewayRequests.clear();
        authRequests.clear();
    }

    /** Makes the gateway reject every access token issued so far (as if they had expired). */
    public void expireAllAccessTokens() {
        validAccessTokens.clear();
    }

    public List<Request> authRequests(String path) {
        return authRequests.stream().filter(r -> r.uri().equals(path)).toList();
    }

    public List<Request> gatewayRequests(String method, String pathPrefix) {
        return gatewayRequests.stream().filter(r -> r.method().equals(method) && r.uri().startsWith(pathPrefix)).toList();
    }

    // --- auth ---------------------------------------------------------------------------------

    private Mono<Void> login(HttpServerResponse res, Map<String, Object> body) {
        String email = String.valueOf(body.get("email"));
        if (email.startsWith("throttled")) {
            return json(res, 429, problem(429, "Too Many Requests", List.of()));
        }
        if (email.startsWith("down")) {
            return json(res, 503, problem(503, "Service Unavailable", List.of()));
        }
        User user = users.get(email);
        if (user == null || !passwords.getOrDefault(email, PASSWORD).equals(body.get("password"))) {
            return json(res, 401, problem(401, "Invalid username or password", List.of()));
        }
        return json(res, 200, issue(user));
    }

    /**
     * Like auth, the rotation happens even when web-ui gives up waiting (a timeout closes the connection):
     * the outcome is computed independently of the HTTP exchange, after the configured delay.
     */
    private Mono<Void> refresh(HttpServerResponse res, Map<String, Object> body) {
        String presented = String.valueOf(body.get("refresh_token"));
        refreshCalls.incrementAndGet();
        Mono<Void> delay = refreshDelayMillis.get() > 0 ? Mono.delay(java.time.Duration.ofMillis(refreshDelayMillis.get())).then() : Mono.empty();
        java.util.concurrent.CompletableFuture<Map.Entry<Integer, Object>> outcome = delay.then(Mono.fromCallable(() -> rotate(presented))).toFuture();
        return Mono.fromFuture(outcome, true).flatMap(result -> json(res, result.getKey(), result.getValue()));
    }

    private Map.Entry<Integer, Object> rotate(String presented) {
        try {
            return rotateNow(presented);
        }
        finally {
            refreshesProcessed.incrementAndGet();
        }
    }

    private Map.Entry<Integer, Object> rotateNow(String presented) {
        if (rejectRefresh.get()) {
            return Map.entry(401, problem(401, "invalid_grant", List.of()));
        }
        if (rotatedRefreshTokens.contains(presented)) {
            reuseDetected.incrementAndGet();
            return Map.entry(401, problem(401, "invalid_grant", List.of()));
        }
        String userId = activeRefreshTokens.remove(presented);
        if (userId == null) {
            return Map.entry(401, problem(401, "invalid_grant", List.of()));
        }
        rotatedRefreshTokens.add(presented);
        User user = users.values().stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow();
        return Map.entry(200, issue(user));
    }

    private Mono<Void> logout(HttpServerRequest req, HttpServerResponse res, Map<String, Object> body) {
        String authorization = req.requestHeaders().get("Authorization");
        logoutCalls.add(Map.of("authorization", authorization == null ? "" : authorization, "refresh_token", String.valueOf(body.get("refresh_token"))));
        activeRefreshTokens.remove(String.valueOf(body.get("refresh_token")));
        if (authorization != null && authorization.startsWith("Bearer ")) {
            validAccessTokens.remove(authorization.substring(7));
        }
        return res.status(204).send();
    }

    private Mono<Void> register(HttpServerResponse res, Map<String, Object> body) {
        String email = String.valueOf(body.get("email"));
        String password = String.valueOf(body.get("password"));
        if (users.containsKey(email)) {
            return json(res, 409, problem(409, "Conflict", List.of(Map.of("field", "email", "message", "is already registered"))));
        }
        if (password.length() < 15) {
            return json(res, 400, problem(400, "Bad Request", List.of(Map.of("field", "password", "message", "must be at least 15 characters"))));
        }
        User user = new User(UUID.randomUUID().toString(), email, String.valueOf(body.get("name")), List.of("USER"));
        users.put(email, user);
        passwords.put(email, password);
        return json(res, 201, Map.of("id", user.id(), "email", email, "name", user.name()));
    }

    /** Like auth (B12): checks the bearer token and the current password, then revokes every token of the user. */
    private Mono<Void> changePassword(HttpServerRequest req, HttpServerResponse res, Map<String, Object> body) {
        String authorization = req.requestHeaders().get("Authorization");
        String userId = authorization != null && authorization.startsWith("Bearer ") ? validAccessTokens.get(authorization.substring(7)) : null;
        if (userId == null) {
            res.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return json(res, 401, problem(401, "Unauthorized", List.of()));
        }
        User user = users.values().stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow();
        if (!passwords.getOrDefault(user.email(), PASSWORD).equals(body.get("current_password"))) {
            return json(res, 401, problem(401, "Invalid username or password", List.of()));
        }
        String next = String.valueOf(body.get("new_password"));
        if (next.length() < 15) {
            return json(res, 400, problem(400, "Bad Request", List.of(Map.of("field", "new_password", "message", "Password must be at least 15 characters long"))));
        }
        passwords.put(user.email(), next);
        activeRefreshTokens.values().removeIf(userId::equals);
        validAccessTokens.values().removeIf(userId::equals);
        return res.status(204).send();
    }

    private Map<String, Object> issue(User user) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = Map.of("sub", user.id(), "email", user.email(), "roles", user.roles(), "iat", now,
                "exp", now + expiresIn.get(), "jti", UUID.randomUUID().toString());
        String accessToken = b64("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}") + "." + b64(JsonMapper.shared().writeValueAsString(claims)) + ".c2ln";
        String refreshToken = UUID.randomUUID() + "-" + UUID.randomUUID();
        validAccessTokens.put(accessToken, user.id());
        activeRefreshTokens.put(refreshToken, user.id());
        return Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", expiresIn.get(), "refresh_token", refreshToken);
    }

    // --- gateway ------------------------------------------------------------------------------

    private Mono<Void> gateway(HttpServerRequest req, HttpServerResponse res, String body) {
        String authorization = req.requestHeaders().get("Authorization");
        Map<String, String> headers = new ConcurrentHashMap<>();
        req.requestHeaders().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue()));
        gatewayRequests.add(new Request(req.method().name(), req.uri(), headers, body));
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        String userId = token == null ? null : validAccessTokens.get(token);
        if (userId == null) {
            res.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return json(res, 401, problem(401, "Unauthorized", List.of()));
        }
        User user = users.values().stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow();
        String path = req.uri().contains("?") ? req.uri().substring(0, req.uri().indexOf('?')) : req.uri();
        String method = req.method().name();
        if (path.equals("/api/home")) {
            Map<String, Object> home = new java.util.LinkedHashMap<>();
            home.put("user", Map.of("id", user.id(), "email", user.email(), "name", user.name(), "roles", user.roles()));
            home.put("session", Map.of("subject", user.id(), "roles", user.roles(), "issuedAt", "2026-01-01T00:00:00Z", "expiresAt", "2026-01-01T00:05:00Z"));
            boolean degraded = homeDegraded.get();
            home.put("admin", user.roles().contains("ADMIN") && !degraded
                    ? Map.of("memberCount", 1, "newestMembers", List.of(member(MEMBER_ID, "Mia Member"))) : null);
            home.put("degraded", degraded);
            home.put("unavailable", degraded ? List.of("admin") : List.of());
            return json(res, 200, home);
        }
        if (path.startsWith("/api/echo")) {
            return json(res, 200, Map.of("method", method, "uri", req.uri(), "body", body,
                    "idempotencyKey", String.valueOf(headers.get("idempotency-key"))));
        }
        if (path.equals("/api/members/me")) {
            return json(res, 200, member(user.id(), user.name()));
        }
        if (path.equals("/api/members") && method.equals("GET")) {
            return json(res, 200, Map.of("content", List.of(member(MEMBER_ID, "Mia Member")),
                    "page", Map.of("size", 20, "number", 0, "totalElements", 1, "totalPages", 1)));
        }
        if (path.equals("/api/members") && method.equals("POST")) {
            Map<String, Object> submitted = JsonMapper.shared().readValue(body, Map.class);
            if ("bad".equals(submitted.get("name"))) {
                return json(res, 400, problem(400, "Bad Request", List.of(Map.of("field", "email", "message", "must be a well-formed email address"))));
            }
            res.header("Location", "/api/members/" + MEMBER_ID).header("ETag", "\"0\"");
            return json(res, 201, member(MEMBER_ID, String.valueOf(submitted.get("name"))));
        }
        if (path.equals("/api/members/" + MEMBER_ID)) {
            if (method.equals("DELETE")) {
                return res.status(204).send();
            }
            res.header("ETag", "\"3\"");
            return json(res, 200, member(MEMBER_ID, "Mia Member"));
        }
        return json(res, 404, problem(404, "Not Found", List.of()));
    }

    private static Map<String, Object> member(String id, String name) {
        Map<String, Object> member = new java.util.LinkedHashMap<>();
        member.put("id", id);
        member.put("email", "mia@example.com");
        member.put("name", name);
        member.put("phone", null);
        member.put("createdAt", "2026-01-01T00:00:00Z");
        member.put("updatedAt", "2026-01-01T00:00:00Z");
        member.put("version", 3);
        return member;
    }

    // --- helpers ------------------------------------------------------------------------------

    private interface BodyHandler {
        Mono<Void> handle(Map<String, Object> body);
    }

    private interface RawBodyHandler {
        Mono<Void> handle(String body);
    }

    @SuppressWarnings("unchecked")
    private Mono<Void> withJson(HttpServerRequest req, BodyHandler handler) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        req.requestHeaders().forEach(e -> headers.merge(e.getKey().toLowerCase(), e.getValue(), (a, b) -> a + ", " + b));
        return req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("{}")
                .doOnNext(body -> authRequests.add(new Request(req.method().name(), req.uri(), headers, body)))
                .flatMap(body -> handler.handle(body.isBlank() ? Map.of() : JsonMapper.shared().readValue(body, Map.class)));
    }

    private static Mono<Void> withRaw(HttpServerRequest req, RawBodyHandler handler) {
        return req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(handler::handle);
    }

    private static Map<String, Object> problem(int status, String title, List<Map<String, String>> errors) {
        return Map.of("type", "about:blank", "title", title, "status", status, "errors", errors);
    }

    private static Mono<Void> json(HttpServerResponse res, int status, Object body) {
        String json = JsonMapper.shared().writeValueAsString(body);
        return res.status(HttpResponseStatus.valueOf(status))
                .header("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .sendString(Mono.just(json)).then();
    }

    private static String b64(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
