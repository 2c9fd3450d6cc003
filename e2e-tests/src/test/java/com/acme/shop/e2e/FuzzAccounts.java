package com.acme.shop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The valid credentials the fuzz corpus mixes into its requests: the bootstrap admin, a
 * fresh USER, a throw-away "victim" USER (logout and password-change cases), a logged-in
 * web-ui session and an anonymous one, each with its CSRF token. Access tokens are
 * refreshed before they expire (5 min).
 */
final class FuzzAccounts implements FuzzCorpus.Identities {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TOKEN_AGE = Duration.ofSeconds(150);

    private final E2ePlatform shop;

    private final HttpClient http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    final TestUser user;

    private final TestUser victim;

    private Tokens userTokens;

    private Tokens victimTokens;

    private final WebSession web;

    private final WebSession anonymous;

    final String sentinelId;

    private final String sentinelEtag;

    private record Tokens(String access, String refresh, Instant at) {
    }

    FuzzAccounts(E2ePlatform shop) {
        this.shop = shop;
        this.user = shop.api.registerUser("fuzz");
        this.victim = shop.api.registerUser("fuzzvictim");
        this.userTokens = login(user.email(), user.password());
        this.victimTokens = login(victim.email(), victim.password());
        JsonNode sentinel = shop.api.createMember(TestUser.unique("fuzz-sentinel-") + "@e2e.example.com",
                "Fuzz Sentinel", "+49 30 1234567");
        this.sentinelId = sentinel.get("id").asString();
        this.sentinelEtag = shop.api.member(sentinelId).headers().firstValue("ETag").orElseThrow();
        this.web = WebSession.login(shop.webUrl(), user.email(), user.password());
        this.anonymous = WebSession.anonymous(shop.webUrl());
    }

    @Override
    public String adminToken() {
        return shop.api.adminToken();
    }

    @Override
    public synchronized String userToken() {
        if (userTokens.at().isBefore(Instant.now().minus(TOKEN_AGE))) {
            userTokens = refreshOrLogin(userTokens, user);
        }
        return userTokens.access();
    }

    @Override
    public synchronized String victimToken() {
        victimTokens = refreshOrLogin(victimTokens, victim);
        return victimTokens.access();
    }

    @Override
    public String webCookie() {
        return web.cookie();
    }

    @Override
    public String webCsrf() {
        return web.csrf();
    }

    @Override
    public String anonymousCookie() {
        return anonymous.cookie();
    }

    @Override
    public String anonymousCsrf() {
        return anonymous.csrf();
    }

    @Override
    public String cookieName() {
        return web.cookieName();
    }

    @Override
    public String sentinelId() {
        return sentinelId;
    }

    @Override
    public String sentinelEtag() {
        return sentinelEtag;
    }

    /**
     * The user's own profile ({@code GET /api/members/me}) as raw bytes, to compare
     * before and after.
     */
    String userProfile() {
        return send(HttpRequest.newBuilder(URI.create(shop.gatewayUrl() + "/api/members/me"))
            .header("Authorization", "Bearer " + userToken())
            .GET(), 200).body();
    }

    /**
     * Logs in at auth directly; 429 (the per-address limit the fuzz cases may have
     * filled) is waited out.
     */
    Tokens login(String email, String password) {
        String body = JSON.writeValueAsString(Map.of("email", email, "password", password));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(auth() + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), -1);
            if (response.statusCode() == 200) {
                return tokens(response.body());
            }
            if (response.statusCode() != 429 || System.nanoTime() > deadline) {
                throw new AssertionError(
                        "login of " + email + " answered " + response.statusCode() + ": " + response.body());
            }
            long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
            pause(Duration.ofSeconds(Math.max(1, Math.min(wait, 10))));
        }
    }

    private Tokens refreshOrLogin(Tokens current, TestUser owner) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(auth() + "/api/auth/refresh"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers
                .ofString(JSON.writeValueAsString(Map.of("refresh_token", current.refresh())))), -1);
        return response.statusCode() == 200 ? tokens(response.body()) : login(owner.email(), owner.password());
    }

    private static Tokens tokens(String body) {
        JsonNode json = JSON.readTree(body);
        return new Tokens(json.get("access_token").asString(), json.get("refresh_token").asString(), Instant.now());
    }

    private String auth() {
        String url = shop.platform.url("auth").toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (expected > 0 && response.statusCode() != expected) {
                throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                        + response.statusCode() + " (expected " + expected + "): " + response.body());
            }
            return response;
        }
        catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + " failed: " + e, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

}
