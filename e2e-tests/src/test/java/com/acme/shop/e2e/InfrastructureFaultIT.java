package com.acme.shop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stops the embedded Redis, then PostgreSQL, under the running platform: while a
 * dependency is down every service answers 503 (problem+json with {@code Retry-After} for
 * APIs; a readable HTML page for web-ui pages; 503 for htmx requests), never 500, within
 * a few seconds; once the server is back every service recovers on its own, without a
 * restart.
 * <p>
 * Disturbs the shared platform, so it runs last (after DegradedHomeIT and FuzzIT).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(PlatformExtension.class)
class InfrastructureFaultIT {

    /**
     * How long a service may take to notice the outage (command and connect timeouts are
     * 1–2 s).
     */
    private static final Duration DETECT = Duration.ofSeconds(15);

    /** How long a service may take to reconnect once the server is back. */
    private static final Duration RECOVER = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private E2ePlatform shop;

    private String adminToken;

    private WebSession web;

    private String memberId;

    @Test
    void everyServiceAnswers503WhileRedisOrPostgresIsDownAndRecoversWithoutARestart(E2ePlatform shop) {
        this.shop = shop;
        List<String> failures = new ArrayList<>();
        arrange();

        shop.platform.stopRedis();
        try {
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("gateway GET /api/members", expect(() -> gateway("GET", "/api/members?size=1", null, null),
                    InfrastructureFaultIT::apiUnavailable));
            probes.put("gateway POST /api/members with Idempotency-Key",
                    expect(() -> gateway("POST", "/api/members", newMemberJson(), UUID.randomUUID().toString()),
                            InfrastructureFaultIT::apiUnavailable));
            probes.put("auth POST /api/auth/login", expect(this::adminLogin, InfrastructureFaultIT::apiUnavailable));
            probes.put("gateway GET /api/home (bff)",
                    expect(() -> gateway("GET", "/api/home", null, null), InfrastructureFaultIT::apiUnavailable));
            // the bff itself uses no Redis (the gateway checks the denylist): called
            // directly it degrades,
            // because auth and member behind it answer 503
            probes.put("bff GET /api/home (direct: degraded or 503)",
                    expect(() -> direct("bff", "GET", "/api/home", adminToken, null), r -> apiUnavailable(r)
                            || r.statusCode() == 200 && Api.read(r.body()).path("degraded").asBoolean(false)));
            probes.put("member GET /api/members/{id}",
                    expect(() -> direct("member", "GET", "/api/members/" + memberId, adminToken, null),
                            InfrastructureFaultIT::apiUnavailable));
            probes.put("web-ui GET / (page)",
                    expect(() -> webPage("/", false), InfrastructureFaultIT::pageUnavailable));
            probes.put("web-ui GET /members (htmx)",
                    expect(() -> webPage("/members", true), r -> r.statusCode() == 503));
            probes.put("web-ui GET /api/members (proxy)",
                    expect(() -> webPage("/api/members?size=1", false), InfrastructureFaultIT::apiUnavailable));
            check(failures, "Redis down", probes);
        }
        finally {
            shop.platform.startRedis();
        }
        recover(failures, "Redis back");

        arrange();
        shop.platform.stopPostgres();
        try {
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("auth POST /api/auth/login", expect(this::adminLogin, InfrastructureFaultIT::apiUnavailable));
            probes.put("auth POST /api/auth/register", expect(
                    () -> direct("auth", "POST", "/api/auth/register", null, "{\"email\":\"" + TestUser.unique("fault-")
                            + "@e2e.example.com\",\"name\":\"Fault\",\"password\":\"long enough fault passphrase\"}"),
                    InfrastructureFaultIT::apiUnavailable));
            probes.put("member GET /api/members/{id}",
                    expect(() -> direct("member", "GET", "/api/members/" + memberId, adminToken, null),
                            InfrastructureFaultIT::apiUnavailable));
            probes.put("member GET /api/members",
                    expect(() -> direct("member", "GET", "/api/members?size=1", adminToken, null),
                            InfrastructureFaultIT::apiUnavailable));
            probes.put("gateway PUT /api/members/{id} with Idempotency-Key", expect(
                    () -> gateway("PUT", "/api/members/" + memberId, newMemberJson(), UUID.randomUUID().toString()),
                    InfrastructureFaultIT::apiUnavailable));
            probes.put("gateway POST /api/members with Idempotency-Key",
                    expect(() -> gateway("POST", "/api/members", newMemberJson(), UUID.randomUUID().toString()),
                            InfrastructureFaultIT::apiUnavailable));
            // bff degrades: home still renders its user and session sections, without the
            // member data
            probes.put("bff GET /api/home (degraded)", expect(() -> direct("bff", "GET", "/api/home", adminToken, null),
                    r -> r.statusCode() == 200 && Api.read(r.body()).path("degraded").asBoolean(false)));
            probes.put("web-ui GET / (degraded home)", expect(() -> webPage("/", false), r -> r.statusCode() == 200));
            probes.put("web-ui GET /members (page)",
                    expect(() -> webPage("/members", false), InfrastructureFaultIT::pageUnavailable));
            probes.put("web-ui GET /members (htmx)",
                    expect(() -> webPage("/members", true), r -> r.statusCode() == 503));
            check(failures, "PostgreSQL down", probes);
        }
        finally {
            shop.platform.startPostgres();
        }
        recover(failures, "PostgreSQL back");

        assertTrue(failures.isEmpty(),
                () -> failures.size() + " expectations failed:\n  " + String.join("\n  ", failures));
    }

    /** Fresh credentials and a member to read and write, taken while everything is up. */
    private void arrange() {
        adminToken = adminTokenWaitingOutTheLoginLimit();
        web = WebSession.login(shop.webUrl(), shop.platform.adminEmail(), shop.platform.adminPassword());
        if (memberId == null) {
            memberId = shop.api.createMember(TestUser.unique("fault-") + "@e2e.example.com", "Fault Tolerant", null)
                .get("id")
                .asString();
        }
    }

    /**
     * A fresh admin token from auth. FuzzIT, just before, fills auth's per-address
     * failed-login window: a 429 is waited out (Retry-After) instead of failing this
     * suite.
     */
    private String adminTokenWaitingOutTheLoginLimit() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            HttpResponse<String> response = adminLogin();
            if (response.statusCode() == 200) {
                return Api.read(response.body()).get("access_token").asString();
            }
            if (response.statusCode() != 429 || System.nanoTime() > deadline) {
                throw new AssertionError("admin login answered " + describe(response));
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            FuzzAccounts.pause(Duration.ofSeconds(Math.max(1, Math.min(seconds, 10))));
        }
    }

    /**
     * After the server is back, every service answers normally again (same processes:
     * nothing restarted).
     */
    private void recover(List<String> failures, String phase) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("auth login", expect(this::adminLogin, r -> r.statusCode() == 200));
        probes.put("gateway GET /api/members",
                expect(() -> gateway("GET", "/api/members?size=1", null, null), r -> r.statusCode() == 200));
        probes
            .put("gateway PUT /api/members/{id} with Idempotency-Key", expect(
                    () -> gateway("PUT", "/api/members/" + memberId,
                            "{\"email\":\"" + TestUser.unique("fault-")
                                    + "@e2e.example.com\",\"name\":\"Fault Tolerant\"}",
                            UUID.randomUUID().toString()),
                    r -> r.statusCode() == 200));
        probes.put("member GET /api/members/{id}",
                expect(() -> direct("member", "GET", "/api/members/" + memberId, adminToken, null),
                        r -> r.statusCode() == 200));
        probes.put("bff GET /api/home", expect(() -> direct("bff", "GET", "/api/home", adminToken, null),
                r -> r.statusCode() == 200 && !Api.read(r.body()).path("degraded").asBoolean(true)));
        probes.put("web-ui GET /members", expect(() -> webPage("/members", false), r -> r.statusCode() == 200));
        List<String> before = new ArrayList<>(failures);
        poll(failures, phase, probes, RECOVER);
        for (String service : List.of("auth", "member", "gateway", "bff", "web-ui")) {
            if (!shop.platform.isRunning(service)) {
                failures.add(phase + ": " + service + " is no longer running");
            }
        }
        if (failures.size() == before.size()) {
            System.out.println("fault: " + phase + ": every service recovered without a restart");
        }
    }

    private void check(List<String> failures, String phase, Map<String, Probe> probes) {
        poll(failures, phase, new LinkedHashMap<>(probes), DETECT);
    }

    /**
     * Polls every probe until its expectation holds or the time is up. A 500 at any poll
     * is a failure even if a later poll passes.
     */
    private void poll(List<String> failures, String phase, Map<String, Probe> probes, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Map<String, String> last = new LinkedHashMap<>();
        Map<String, Probe> pending = new LinkedHashMap<>(probes);
        while (!pending.isEmpty()) {
            // one round: every pending probe at once, so each service's own time to
            // answer is measured
            Map<String, CompletableFuture<HttpResponse<String>>> round = new LinkedHashMap<>();
            pending.forEach((name, probe) -> round.put(name, CompletableFuture.supplyAsync(probe.call())));
            for (var entry : round.entrySet()) {
                String name = entry.getKey();
                HttpResponse<String> response;
                try {
                    response = entry.getValue().join();
                }
                catch (RuntimeException e) {
                    last.put(name, "no answer: " + e.getMessage());
                    continue;
                }
                last.put(name, describe(response));
                if (response.statusCode() == 500) {
                    failures.add(phase + ": " + name + " answered 500: " + describe(response));
                    pending.remove(name);
                }
                else if (pending.get(name).expected().test(response)) {
                    System.out.printf("fault: %s: %s -> %d after %d ms%n", phase, name, response.statusCode(),
                            (System.nanoTime() - started) / 1_000_000);
                    pending.remove(name);
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                pending.keySet()
                    .forEach(name -> failures.add(phase + ": " + name + " did not answer as expected within "
                            + timeout.toSeconds() + " s; last answer: " + last.get(name)));
                return;
            }
            if (!pending.isEmpty()) {
                FuzzAccounts.pause(Duration.ofMillis(250)); // poll interval
            }
        }
    }

    // ------------------------------------------------------------------ expectations

    /** A request and the answer it must get. */
    private record Probe(Supplier<HttpResponse<String>> call, Predicate<HttpResponse<String>> expected) {
    }

    private static Probe expect(Supplier<HttpResponse<String>> call, Predicate<HttpResponse<String>> expected) {
        return new Probe(call, expected);
    }

    /** 503, RFC 9457 problem+json, with Retry-After. */
    static boolean apiUnavailable(HttpResponse<String> response) {
        return response.statusCode() == 503
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && response.headers().firstValue("Retry-After").isPresent();
    }

    /** 503 with a readable HTML page that says the service is temporarily unavailable. */
    static boolean pageUnavailable(HttpResponse<String> response) {
        return response.statusCode() == 503
                && response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                && response.body().toLowerCase(Locale.ROOT).contains("unavailable");
    }

    private static String describe(HttpResponse<String> response) {
        String body = response.body().replaceAll("\\s+", " ");
        return response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("-") + " Retry-After="
                + response.headers().firstValue("Retry-After").orElse("-") + " "
                + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }

    // ------------------------------------------------------------------ requests

    private String newMemberJson() {
        return "{\"email\":\"" + TestUser.unique("fault-") + "@e2e.example.com\",\"name\":\"Fault Member\"}";
    }

    private HttpResponse<String> adminLogin() {
        return direct("auth", "POST", "/api/auth/login", null, "{\"email\":\"" + shop.platform.adminEmail()
                + "\",\"password\":\"" + shop.platform.adminPassword() + "\"}");
    }

    private HttpResponse<String> gateway(String method, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shop.gatewayUrl() + path))
            .header("Authorization", "Bearer " + adminToken)
            .header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(withBody(request, method, json));
    }

    private HttpResponse<String> direct(String service, String method, String path, String bearer, String json) {
        String base = shop.platform.url(service).toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(withBody(request, method, json));
    }

    private HttpResponse<String> webPage(String path, boolean htmx) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shop.webUrl() + path))
            .header("Cookie", web.cookieHeader())
            .header("Accept", path.startsWith("/api") ? "application/json" : "text/html");
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return send(request.GET());
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, String json) {
        if (json == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(e.toString(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
