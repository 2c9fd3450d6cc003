package com.acme.shop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.acme.shop.launcher.Platform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API through the gateway, used to arrange data and to check what the browser
 * did (e.g. that a double-clicked submit created exactly one member).
 */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofMillis(BrowserExtension.TIMEOUT_MS);

    private final Platform platform;

    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private String adminToken;

    private Instant adminTokenAt = Instant.EPOCH;

    Api(Platform platform) {
        this.platform = platform;
    }

    String gateway() {
        String url = platform.url("gateway").toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * A fresh USER account (account + member profile) through
     * {@code POST /api/auth/register}.
     */
    TestUser registerUser(String label) {
        TestUser user = TestUser.random(label);
        HttpResponse<String> response = send("POST", "/api/auth/register", null,
                json(Map.of("email", user.email(), "name", user.name(), "password", user.password())));
        expect(response, 201);
        return user;
    }

    String login(String email, String password) {
        HttpResponse<String> response = send("POST", "/api/auth/login", null,
                json(Map.of("email", email, "password", password)));
        expect(response, 200);
        return read(response.body()).get("access_token").asString();
    }

    synchronized String adminToken() {
        if (adminToken == null || adminTokenAt.isBefore(Instant.now().minusSeconds(120))) {
            adminToken = login(platform.adminEmail(), platform.adminPassword());
            adminTokenAt = Instant.now();
        }
        return adminToken;
    }

    JsonNode createMember(String email, String name, String phone) {
        String body = phone == null ? json(Map.of("email", email, "name", name))
                : json(Map.of("email", email, "name", name, "phone", phone));
        HttpResponse<String> response = send("POST", "/api/members", adminToken(), body);
        expect(response, 201);
        return read(response.body());
    }

    /** {@code GET /api/members?q=...}: the page as JSON. */
    JsonNode searchMembers(String q, int size) {
        HttpResponse<String> response = send("GET",
                "/api/members?size=" + size + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), adminToken(), null);
        expect(response, 200);
        return read(response.body());
    }

    long countMembers(String q) {
        return searchMembers(q, 100).get("page").get("totalElements").asLong();
    }

    long totalMembers() {
        HttpResponse<String> response = send("GET", "/api/members?size=1", adminToken(), null);
        expect(response, 200);
        return read(response.body()).get("page").get("totalElements").asLong();
    }

    /** Status of {@code GET /api/members/{id}} and its body (null unless 200). */
    HttpResponse<String> member(String id) {
        return send("GET", "/api/members/" + id, adminToken(), null);
    }

    // --- the shop (product, order, payment behind the gateway)

    /**
     * A demo product seeded by product ({@code SEED_DEMO_DATA=true} in the local run).
     */
    static final String MUG_ID = "5eed0000-0000-4000-8000-000000000001";

    static final String LAMP_ID = "5eed0000-0000-4000-8000-000000000011";

    /** {@code PUT /api/cart/items/{productId}} {@code {quantity}}: the cart as JSON. */
    JsonNode putInCart(String bearer, String productId, int quantity) {
        HttpResponse<String> response = send("PUT", "/api/cart/items/" + productId, bearer,
                "{\"quantity\":" + quantity + "}");
        expect(response, 200);
        return read(response.body());
    }

    /**
     * {@code POST /api/orders} with this {@code Idempotency-Key} and card: the raw
     * answer.
     */
    HttpResponse<String> checkout(String bearer, String idempotencyKey, String cardNumber) {
        String body = "{\"payment\":{\"cardNumber\":\"" + cardNumber + "\",\"expiry\":\"12/39\",\"cvc\":\"123\"}}";
        return send("POST", "/api/orders", bearer, body, idempotencyKey);
    }

    /** Any call through the gateway: the raw answer. */
    HttpResponse<String> call(String method, String path, String bearer) {
        return send(method, path, bearer, null);
    }

    static JsonNode ok(HttpResponse<String> response, int status) {
        expect(response, status);
        return read(response.body());
    }

    static JsonNode read(String body) {
        return JSON.readTree(body);
    }

    private static String json(Map<String, String> fields) {
        return JSON.writeValueAsString(fields);
    }

    private HttpResponse<String> send(String method, String path, String bearer, String jsonBody) {
        return send(method, path, bearer, jsonBody, UUID.randomUUID().toString());
    }

    private HttpResponse<String> send(String method, String path, String bearer, String jsonBody,
            String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway() + path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + " (expected " + status + "): " + response.body());
        }
    }

}
