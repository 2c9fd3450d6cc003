package com.acme.shop.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;
import com.acme.shop.common.testing.StubServer.Request;
import tools.jackson.databind.json.JsonMapper;

/**
 * In-test stand-ins for auth and the gateway (two {@link StubServer}s on free ports),
 * started once per JVM. Auth rotates refresh tokens and detects reuse like the real one
 * (B10, B11); the gateway accepts only access tokens auth issued and has not expired or
 * revoked.
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

    public final Map<String, User> users = new ConcurrentHashMap<>();

    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    public final AtomicLong expiresIn = new AtomicLong(300);

    public final AtomicInteger refreshCalls = new AtomicInteger();

    public final AtomicInteger reuseDetected = new AtomicInteger();

    /**
     * Refresh calls auth has finished processing (whether or not web-ui still waited for
     * the answer).
     */
    public final AtomicInteger refreshesProcessed = new AtomicInteger();

    public final AtomicInteger refreshDelayMillis = new AtomicInteger();

    public final AtomicBoolean rejectRefresh = new AtomicBoolean();

    public final AtomicBoolean homeDegraded = new AtomicBoolean();

    /** The shop's APIs (products, cart, orders) behind the stub gateway. */
    public final ShopStub shop = new ShopStub();

    public final List<Map<String, Object>> logoutCalls = new CopyOnWriteArrayList<>();

    /** access token -> user id, for tokens the gateway accepts. */
    public final Map<String, String> validAccessTokens = new ConcurrentHashMap<>();

    /** refresh token -> (user id, active?) */
    private final Map<String, String> activeRefreshTokens = new ConcurrentHashMap<>();

    private final Set<String> rotatedRefreshTokens = ConcurrentHashMap.newKeySet();

    private final StubServer auth = StubServer.start()
        .on("POST", "/api/auth/login", request -> login(json(request)))
        .onAsync(StubServer.request("POST", "/api/auth/refresh"), request -> refresh(json(request)))
        .on("POST", "/api/auth/logout", request -> logout(request, json(request)))
        .on("POST", "/api/auth/register", request -> register(json(request)))
        .on("POST", "/api/auth/password", request -> changePassword(request, json(request)));

    private final StubServer gateway = StubServer.start().otherwise(this::gateway);

    private StubUpstreams() {
        reset();
    }

    public static StubUpstreams get() {
        return INSTANCE;
    }

    public String authUrl() {
        return auth.url();
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    public void reset() {
        users.clear();
        passwords.clear();
        users.put(ADMIN_EMAIL,
                new User("11111111-1111-1111-1111-111111111111", ADMIN_EMAIL, "Ada Admin", List.of("USER", "ADMIN")));
        users.put(USER_EMAIL,
                new User("22222222-2222-2222-2222-222222222222", USER_EMAIL, "Uma User", List.of("USER")));
        users.put(XSS_EMAIL, new User("33333333-3333-3333-3333-333333333333", XSS_EMAIL, XSS_NAME, List.of("USER")));
        expiresIn.set(300);
        refreshDelayMillis.set(0);
        rejectRefresh.set(false);
        homeDegraded.set(false);
        refreshCalls.set(0);
        reuseDetected.set(0);
        refreshesProcessed.set(0);
        logoutCalls.clear();
        shop.reset();
        gateway.reset();
        auth.reset();
    }

    /**
     * Makes the gateway reject every access token issued so far (as if they had expired).
     */
    public void expireAllAccessTokens() {
        validAccessTokens.clear();
    }

    /** Every call to auth, in arrival order. */
    public List<Request> authRequests() {
        return auth.received();
    }

    public List<Request> authRequests(String path) {
        return authRequests().stream().filter(r -> r.uri().equals(path)).toList();
    }

    /** Every call to the gateway, in arrival order. */
    public List<Request> gatewayRequests() {
        return gateway.received();
    }

    public List<Request> gatewayRequests(String method, String pathPrefix) {
        return gatewayRequests().stream()
            .filter(r -> r.method().equals(method) && r.uri().startsWith(pathPrefix))
            .toList();
    }

    // --- auth
    // ---------------------------------------------------------------------------------

    private Reply login(Map<String, Object> body) {
        String email = String.valueOf(body.get("email"));
        if (email.startsWith("throttled")) {
            return json(429, problem(429, "Too Many Requests", List.of()));
        }
        if (email.startsWith("down")) {
            return json(503, problem(503, "Service Unavailable", List.of()));
        }
        User user = users.get(email);
        if (user == null || !passwords.getOrDefault(email, PASSWORD).equals(body.get("password"))) {
            return json(401, problem(401, "Invalid username or password", List.of()));
        }
        return json(200, issue(user));
    }

    /**
     * Like auth, the rotation happens even when web-ui gives up waiting (a timeout closes
     * the connection): the outcome is computed independently of the HTTP exchange, after
     * the configured delay.
     */
    private CompletionStage<Reply> refresh(Map<String, Object> body) {
        String presented = String.valueOf(body.get("refresh_token"));
        refreshCalls.incrementAndGet();
        return CompletableFuture
            .supplyAsync(() -> rotate(presented),
                    CompletableFuture.delayedExecutor(refreshDelayMillis.get(), TimeUnit.MILLISECONDS))
            .thenApply(result -> json(result.getKey(), result.getValue()));
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

    private Reply logout(Request request, Map<String, Object> body) {
        String authorization = request.header("Authorization");
        logoutCalls.add(Map.of("authorization", authorization == null ? "" : authorization, "refresh_token",
                String.valueOf(body.get("refresh_token"))));
        activeRefreshTokens.remove(String.valueOf(body.get("refresh_token")));
        if (authorization != null && authorization.startsWith("Bearer ")) {
            validAccessTokens.remove(authorization.substring(7));
        }
        return Reply.status(204);
    }

    private Reply register(Map<String, Object> body) {
        String email = String.valueOf(body.get("email"));
        String password = String.valueOf(body.get("password"));
        if (users.containsKey(email)) {
            return json(409,
                    problem(409, "Conflict", List.of(Map.of("field", "email", "message", "is already registered"))));
        }
        if (password.length() < 15) {
            return json(400, problem(400, "Bad Request",
                    List.of(Map.of("field", "password", "message", "must be at least 15 characters"))));
        }
        User user = new User(UUID.randomUUID().toString(), email, String.valueOf(body.get("name")), List.of("USER"));
        users.put(email, user);
        passwords.put(email, password);
        return json(201, Map.of("id", user.id(), "email", email, "name", user.name()));
    }

    /**
     * Like auth (B12): checks the bearer token and the current password, then revokes
     * every token of the user.
     */
    private Reply changePassword(Request request, Map<String, Object> body) {
        String token = request.bearerToken();
        String userId = token != null ? validAccessTokens.get(token) : null;
        if (userId == null) {
            return unauthorized();
        }
        User user = users.values().stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow();
        if (!passwords.getOrDefault(user.email(), PASSWORD).equals(body.get("current_password"))) {
            return json(401, problem(401, "Invalid username or password", List.of()));
        }
        String next = String.valueOf(body.get("new_password"));
        if (next.length() < 15) {
            return json(400, problem(400, "Bad Request", List
                .of(Map.of("field", "new_password", "message", "Password must be at least 15 characters long"))));
        }
        passwords.put(user.email(), next);
        activeRefreshTokens.values().removeIf(userId::equals);
        validAccessTokens.values().removeIf(userId::equals);
        return Reply.status(204);
    }

    private Map<String, Object> issue(User user) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = Map.of("sub", user.id(), "email", user.email(), "roles", user.roles(), "iat", now,
                "exp", now + expiresIn.get(), "jti", UUID.randomUUID().toString());
        String accessToken = b64("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}") + "."
                + b64(JsonMapper.shared().writeValueAsString(claims)) + ".c2ln";
        String refreshToken = UUID.randomUUID() + "-" + UUID.randomUUID();
        validAccessTokens.put(accessToken, user.id());
        activeRefreshTokens.put(refreshToken, user.id());
        return Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", expiresIn.get(),
                "refresh_token", refreshToken);
    }

    // --- gateway
    // ------------------------------------------------------------------------------

    private Reply gateway(Request request) {
        Reply publicRead = request.bearerToken() == null ? shop.publicRead(request) : null;
        if (publicRead != null) {
            return publicRead;
        }
        String token = request.bearerToken();
        String userId = token == null ? null : validAccessTokens.get(token);
        if (userId == null) {
            return unauthorized();
        }
        User user = users.values().stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow();
        String path = request.path();
        String method = request.method();
        String body = request.body();
        Reply shopReply = shop.handle(request, user.id(), user.roles().contains("ADMIN"));
        if (shopReply != null) {
            return shopReply;
        }
        if (path.equals("/api/home")) {
            Map<String, Object> home = new LinkedHashMap<>();
            home.put("user",
                    Map.of("id", user.id(), "email", user.email(), "name", user.name(), "roles", user.roles()));
            home.put("session", Map.of("subject", user.id(), "roles", user.roles(), "issuedAt", "2026-01-01T00:00:00Z",
                    "expiresAt", "2026-01-01T00:05:00Z"));
            boolean degraded = homeDegraded.get();
            home.put("admin", user.roles().contains("ADMIN") && !degraded
                    ? Map.of("memberCount", 1, "newestMembers", List.of(member(MEMBER_ID, "Mia Member"))) : null);
            List<String> unavailable = new ArrayList<>(degraded ? List.of("admin") : List.of());
            // like the bff: the first products of the catalog, the caller's newest orders
            // (an admin's: all)
            if (shop.productsDown.get()) {
                unavailable.add("featuredProducts");
            }
            home.put("featuredProducts", shop.productsDown.get() ? null : shop.featuredProducts(4));
            if (shop.ordersDown.get()) {
                unavailable.add("latestOrders");
            }
            home.put("latestOrders",
                    shop.ordersDown.get() ? null : shop.latestOrders(user.id(), user.roles().contains("ADMIN"), 3));
            home.put("degraded", !unavailable.isEmpty());
            home.put("unavailable", unavailable);
            return json(200, home);
        }
        if (path.startsWith("/api/echo")) {
            return json(200, Map.of("method", method, "uri", request.uri(), "body", body, "idempotencyKey",
                    String.valueOf(request.header("idempotency-key"))));
        }
        if (path.equals("/api/members/me")) {
            return json(200, member(user.id(), user.name()));
        }
        if (path.equals("/api/members") && method.equals("GET")) {
            return json(200, Map.of("content", List.of(member(MEMBER_ID, "Mia Member")), "page",
                    Map.of("size", 20, "number", 0, "totalElements", 1, "totalPages", 1)));
        }
        if (path.equals("/api/members") && method.equals("POST")) {
            Map<String, Object> submitted = JsonMapper.shared().readValue(body, Map.class);
            if ("bad".equals(submitted.get("name"))) {
                return json(400, problem(400, "Bad Request",
                        List.of(Map.of("field", "email", "message", "must be a well-formed email address"))));
            }
            return json(201, member(MEMBER_ID, String.valueOf(submitted.get("name"))))
                .header("Location", "/api/members/" + MEMBER_ID)
                .header("ETag", "\"0\"");
        }
        if (path.equals("/api/members/" + MEMBER_ID)) {
            if (method.equals("DELETE")) {
                return Reply.status(204);
            }
            return json(200, member(MEMBER_ID, "Mia Member")).header("ETag", "\"3\"");
        }
        return json(404, problem(404, "Not Found", List.of()));
    }

    private static Map<String, Object> member(String id, String name) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("id", id);
        member.put("email", "mia@example.com");
        member.put("name", name);
        member.put("phone", null);
        member.put("createdAt", "2026-01-01T00:00:00Z");
        member.put("updatedAt", "2026-01-01T00:00:00Z");
        member.put("version", 3);
        return member;
    }

    // --- helpers
    // ------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Request request) {
        return request.body().isBlank() ? Map.of() : JsonMapper.shared().readValue(request.body(), Map.class);
    }

    private static Reply unauthorized() {
        return json(401, problem(401, "Unauthorized", List.of())).header("WWW-Authenticate",
                "Bearer error=\"invalid_token\"");
    }

    private static Map<String, Object> problem(int status, String title, List<Map<String, String>> errors) {
        return Map.of("type", "about:blank", "title", title, "status", status, "errors", errors);
    }

    private static Reply json(int status, Object body) {
        return Reply.json(status, JsonMapper.shared().writeValueAsString(body));
    }

    private static String b64(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

}
