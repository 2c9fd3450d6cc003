package com.acme.shop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operability of the running platform (issue 9): every service's Prometheus endpoint on
 * its management port exports the metrics the dashboards and alerts use (the contract in
 * {@code deploy/observability/exported-metrics.txt}), the shop's product, order and
 * payment included; one trace id runs from a page request through web-ui, the gateway,
 * the bff, auth and member, and is in each one's log; and no log holds a password, a
 * token, a session cookie, an idempotent request's body or a card number.
 */
@ExtendWith(PlatformExtension.class)
class ObservabilityIT {

    /** Every service of the platform: each is scraped. */
    static final List<String> SERVICES = List.of("auth", "member", "product", "order", "payment", "bff", "gateway",
            "web-ui");

    /** The services a logged-in home page request passes through. */
    static final List<String> HOME_CHAIN = List.of("auth", "member", "bff", "gateway", "web-ui");

    /** A test card the simulated processor charges. */
    static final String CARD = "4242424242424242";

    /** Boot's text log correlation: {@code [<32 hex trace id>-<16 hex span id>]}. */
    static final Pattern CORRELATION = Pattern.compile("\\[([0-9a-f]{32})-([0-9a-f]{16})]");

    private static final Duration LOGS_WAIT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    // --- metrics

    @Test
    void everyServiceExportsTheMetricsTheDashboardsAndAlertsUse(E2ePlatform shop) {
        TestUser user = shop.api.registerUser("metrics");
        String token = shop.api.login(user.email(), user.password());
        // auth: a failed login; every service: a 401 and a 200 on its own routes
        assertEquals(401,
                send(shop.gatewayUrl(), "POST", "/api/auth/login", null,
                        "{\"email\":\"" + user.email() + "\",\"password\":\"not the password, not at all\"}")
                    .statusCode());
        for (String service : HOME_CHAIN) {
            String base = url(shop, service);
            String path = switch (service) {
                case "auth" -> "/api/auth/verify";
                case "member" -> "/api/members/me";
                case "web-ui" -> "/api/members";
                default -> "/api/home";
            };
            // bff's home is public (featured products for anonymous callers):
            // its 401 answers a bearer that is not a token
            String refused = service.equals("bff") ? "not.a.jwt" : null;
            assertEquals(401, send(base, "GET", path, refused, null).statusCode(), service + path);
            if (!service.equals("web-ui")) {
                assertEquals(200, send(base, "GET", path, token, null).statusCode(), service + path);
            }
        }
        // the shop, each service called directly: product (public catalog; writes need a
        // token), order (the cart needs a token), payment (internal: a SERVICE token)
        assertEquals(200, send(url(shop, "product"), "GET", "/api/products", null, null).statusCode());
        assertEquals(401,
                send(url(shop, "product"), "DELETE", "/api/products/" + Api.LAMP_ID, null, null).statusCode());
        assertEquals(401, send(url(shop, "order"), "GET", "/api/cart", null, null).statusCode());
        assertEquals(200, send(url(shop, "order"), "GET", "/api/cart", token, null).statusCode());
        assertEquals(401,
                send(url(shop, "payment"), "GET", "/internal/payments?orderId=" + UUID.randomUUID(), null, null)
                    .statusCode());
        // a purchase and its cancellation through the gateway: order calls product and
        // payment (charge 201, refund 200)
        String orderId = buyAndCancel(shop, token);
        // gateway: an idempotent create, its replay and a reuse of its key for another
        // body
        String admin = shop.api.adminToken();
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"" + TestUser.unique("metrics-") + "@e2e.example.com\",\"name\":\"Metric Member\"}";
        HttpResponse<String> created = sendKeyed(shop.gatewayUrl(), admin, key, body);
        assertEquals(201, created.statusCode(), created.body());
        String id = Api.read(created.body()).get("id").asString();
        assertEquals("true",
                sendKeyed(shop.gatewayUrl(), admin, key, body).headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(422, sendKeyed(shop.gatewayUrl(), admin, key, body.replace("Metric", "Other")).statusCode());
        assertEquals(200, send(shop.gatewayUrl(), "GET", "/api/members/" + id, admin, null).statusCode());
        // web-ui: the logged-in home page (web-ui -> gateway -> bff -> auth, member)
        WebSession session = WebSession.login(shop.webUrl(), user.email(), user.password());
        assertEquals(200, page(shop.webUrl(), "/", session).statusCode());

        Map<String, Scrape> scrapes = new LinkedHashMap<>();
        for (String service : SERVICES) {
            scrapes.put(service, scrape(shop.platform.managementUrl(service)));
        }
        List<String> problems = new ArrayList<>();
        for (ExportedMetric metric : exportedMetrics()) {
            for (String service : metric.exporters()) {
                if (!SERVICES.contains(service)) {
                    continue; // prometheus' own up, redis_exporter
                }
                List<Map<String, String>> series = scrapes.get(service).series(metric.name());
                if (series.isEmpty()) {
                    problems.add(service + " does not export " + metric.name());
                    continue;
                }
                metric.labels().forEach((label, values) -> {
                    for (String value : values) {
                        if (series.stream().noneMatch(s -> value.equals(s.get(label)))) {
                            problems.add(service + ": no " + metric.name() + "{" + label + "=\"" + value + "\"}");
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), problems);

        for (String service : SERVICES) {
            Scrape scrape = scrapes.get(service);
            assertTrue(
                    scrape.series("http_server_requests_seconds_count")
                        .stream()
                        .allMatch(s -> service.equals(s.get("application"))),
                    service + ": every meter is tagged application");
            assertFalse(scrape.series("jvm_threads_live_threads").isEmpty(), service + " exports JVM metrics");
            Set<String> uris = scrape.values("http_server_requests_seconds_count", "uri");
            assertTrue(uris.stream().noneMatch(uri -> uri.contains(id) || uri.matches(".*/[0-9a-f-]{36}.*")),
                    service + " tags a raw path instead of its template: " + uris);
        }
        // request metrics per route template and status
        assertTrue(
                scrapes.get("gateway")
                    .values("http_server_requests_seconds_count", "uri")
                    .containsAll(Set.of("/api/members/**", "/api/members", "/api/home", "/api/auth/**")),
                scrapes.get("gateway").values("http_server_requests_seconds_count", "uri").toString());
        assertTrue(scrapes.get("member")
            .values("http_server_requests_seconds_count", "uri")
            .containsAll(Set.of("/api/members/{id}", "/api/members/me")));
        assertTrue(scrapes.get("auth")
            .values("http_server_requests_seconds_count", "uri")
            .containsAll(Set.of("/api/auth/login", "/api/auth/register", "/api/auth/verify")));
        assertTrue(scrapes.get("bff").values("http_server_requests_seconds_count", "uri").contains("/api/home"));
        assertTrue(scrapes.get("web-ui").values("http_server_requests_seconds_count", "uri").contains("/"));
        assertTrue(
                scrapes.get("product").values("http_server_requests_seconds_count", "uri").contains("/api/products"));
        assertTrue(
                scrapes.get("order")
                    .values("http_server_requests_seconds_count", "uri")
                    .containsAll(Set.of("/api/cart", "/api/orders", "/api/orders/{id}/cancel")),
                scrapes.get("order").values("http_server_requests_seconds_count", "uri").toString());
        assertTrue(
                scrapes.get("payment")
                    .values("http_server_requests_seconds_count", "uri")
                    .containsAll(Set.of("/internal/payments", "/internal/payments/{id}/refund")),
                scrapes.get("payment").values("http_server_requests_seconds_count", "uri").toString());
        for (String service : List.of("order", "payment")) {
            Set<String> uris = scrapes.get(service).values("http_server_requests_seconds_count", "uri");
            assertTrue(uris.stream().noneMatch(uri -> uri.contains(orderId)), service + " tags a raw path: " + uris);
        }
        // the counters moved
        assertTrue(scrapes.get("auth").value("auth_logins_total", Map.of("outcome", "success")) >= 2);
        assertTrue(scrapes.get("auth").value("auth_logins_total", Map.of("outcome", "failure")) >= 1);
        Scrape gateway = scrapes.get("gateway");
        assertTrue(gateway.value("gateway_idempotency_requests_total", Map.of("outcome", "stored")) >= 1);
        assertTrue(gateway.value("gateway_idempotency_requests_total", Map.of("outcome", "replayed")) >= 1);
        assertTrue(gateway.value("gateway_idempotency_requests_total", Map.of("outcome", "mismatch")) >= 1);
        assertTrue(gateway.value("gateway_token_validations_total", Map.of("outcome", "accepted")) >= 1);
        assertTrue(gateway.value("gateway_token_validations_total", Map.of("reason", "missing")) >= 1);
        // latency buckets for the p99 panels, on the routes
        assertTrue(gateway.series("http_server_requests_seconds_bucket")
            .stream()
            .anyMatch(s -> "/api/home".equals(s.get("uri")) && "+Inf".equals(s.get("le"))));
        // calls to other services are observed too
        assertFalse(scrapes.get("bff").series("http_client_requests_seconds_count").isEmpty());
        assertFalse(scrapes.get("web-ui").series("http_client_requests_seconds_count").isEmpty());
        // order's calls to product, payment and auth (the checkout and cancel above)
        assertFalse(scrapes.get("order").series("http_client_requests_seconds_count").isEmpty());
    }

    /**
     * Puts a demo product in the user's cart, checks out with the test card (order:
     * reservation at product, charge at payment) and cancels the order (refund at
     * payment, stock back at product): the order's id.
     */
    private String buyAndCancel(E2ePlatform shop, String token) {
        shop.api.putInCart(token, Api.MUG_ID, 1);
        HttpResponse<String> placed = shop.api.checkout(token, UUID.randomUUID().toString(), CARD);
        assertEquals(201, placed.statusCode(), placed.body());
        String orderId = Api.read(placed.body()).get("id").asString();
        HttpResponse<String> cancelled = send(shop.gatewayUrl(), "POST", "/api/orders/" + orderId + "/cancel", token,
                null, "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", Api.read(cancelled.body()).get("status").asString());
        return orderId;
    }

    @Test
    void theActuatorAnswersOnlyOnTheManagementPort(E2ePlatform shop) {
        for (String service : SERVICES) {
            HttpResponse<String> health = send(shop.platform.managementUrl(service).toString(), "GET",
                    "/actuator/health", null, null);
            assertEquals(200, health.statusCode(), service);
            assertTrue(health.body().contains("\"UP\""), service + ": " + health.body());
            for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/metrics")) {
                HttpResponse<String> main = send(url(shop, service), "GET", path, null, null);
                assertFalse(main.statusCode() == 200 || main.body().contains("jvm_"),
                        service + path + " on the service port answered " + main.statusCode());
            }
        }
    }

    // --- traces

    /**
     * A page request that starts no trace of its own (as a browser's) gets one in web-ui,
     * and that trace id is in the request's log lines in web-ui, the gateway, the bff,
     * auth and member: W3C {@code traceparent} travels with every call.
     */
    @Test
    void oneTraceIdRunsThroughWebUiGatewayBffAuthAndMemberLogs(E2ePlatform shop) {
        TestUser user = shop.api.registerUser("traced");
        WebSession session = WebSession.login(shop.webUrl(), user.email(), user.password());
        String requestId = "trace-" + UUID.randomUUID();
        HttpResponse<String> home = page(shop.webUrl(), "/", session, "X-Request-Id", requestId);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains(user.name()), "the home page shows the user: the whole chain answered");

        // web-ui's line of this request: "GET / 200 <ms>ms <request id>" with its trace
        String webUiLine = awaitLine(shop, "web-ui", line -> line.contains("GET / 200") && line.endsWith(requestId));
        Matcher correlation = CORRELATION.matcher(webUiLine);
        assertTrue(correlation.find(), "no trace id in web-ui's log line: " + webUiLine);
        String traceId = correlation.group(1);
        assertFalse(traceId.matches("0+"), webUiLine);

        // the request id travels too: each service's line for it has the same trace id
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("web-ui", webUiLine);
        lines.put("gateway", awaitLine(shop, "gateway", l -> l.contains("GET /api/home 200") && l.endsWith(requestId)));
        lines.put("bff", awaitLine(shop, "bff", l -> l.contains("GET /api/home 200") && l.endsWith(requestId)));
        lines.put("auth",
                awaitLine(shop, "auth", l -> l.contains("GET /api/auth/verify 200") && l.endsWith(requestId)));
        lines.put("member", awaitLine(shop, "member", l -> l.contains("GET /api/members") && l.endsWith(requestId)));
        Map<String, String> spans = new LinkedHashMap<>();
        lines.forEach((service, line) -> {
            Matcher m = CORRELATION.matcher(line);
            assertTrue(m.find(), service + " logged no trace id: " + line);
            assertEquals(traceId, m.group(1), service + " is in another trace: " + line);
            spans.put(service, m.group(2));
        });
        assertEquals(spans.size(), new LinkedHashSet<>(spans.values()).size(),
                "every service logs its own span of the one trace: " + spans);
    }

    /**
     * A caller's W3C trace context is continued (the gateway is the API's edge): the
     * caller's trace id is in every service's log line of that request.
     */
    @Test
    void aCallersTraceparentIsContinuedThroughTheGateway(E2ePlatform shop) {
        String token = shop.api.adminToken();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestId = "traceparent-" + UUID.randomUUID();
        HttpResponse<String> response = send(shop.gatewayUrl(), "GET", "/api/home", token, null, "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01", "X-Request-Id", requestId);
        assertEquals(200, response.statusCode());
        for (String service : List.of("gateway", "bff", "auth", "member")) {
            String line = awaitLine(shop, service, l -> l.endsWith(requestId) && l.contains(" 200 "));
            assertTrue(line.contains("[" + traceId + "-"), service + ": " + line);
        }
    }

    // --- no secrets in logs

    /**
     * Passwords, access and refresh tokens, the session cookie, an idempotent request's
     * body and a card number never reach a log, in any service, whatever the request did.
     */
    @Test
    void logsHoldNoPasswordTokenCookieOrIdempotentBody(E2ePlatform shop) {
        TestUser user = shop.api.registerUser("secretive");
        HttpResponse<String> login = send(shop.gatewayUrl(), "POST", "/api/auth/login", null,
                "{\"email\":\"" + user.email() + "\",\"password\":\"" + user.password() + "\"}");
        assertEquals(200, login.statusCode());
        String accessToken = Api.read(login.body()).get("access_token").asString();
        String refreshToken = Api.read(login.body()).get("refresh_token").asString();
        String wrongPassword = "a wrong but long passphrase " + UUID.randomUUID();
        assertEquals(401, send(shop.gatewayUrl(), "POST", "/api/auth/login", null,
                "{\"email\":\"" + user.email() + "\",\"password\":\"" + wrongPassword + "\"}")
            .statusCode());
        // a token sent where it is refused, and in a query string
        String forged = accessToken.substring(0, accessToken.length() - 4) + "AAAA";
        assertEquals(401, send(shop.gatewayUrl(), "GET", "/api/members/me", forged, null).statusCode());
        assertEquals(401,
                send(shop.gatewayUrl(), "GET", "/api/members/me?access_token=" + accessToken, null, null).statusCode());
        // an idempotent create and its replay
        String marker = "IdempotentBody" + UUID.randomUUID().toString().replace("-", "");
        String body = "{\"email\":\"" + marker.toLowerCase() + "@e2e.example.com\",\"name\":\"" + marker + "\"}";
        String key = UUID.randomUUID().toString();
        String admin = shop.api.adminToken();
        assertEquals(201, sendKeyed(shop.gatewayUrl(), admin, key, body).statusCode());
        assertEquals(201, sendKeyed(shop.gatewayUrl(), admin, key, body).statusCode());
        // a web session: login form, pages, the /api proxy, logout
        WebSession session = WebSession.login(shop.webUrl(), user.email(), user.password());
        String lastRequest = "secrets-" + UUID.randomUUID();
        assertEquals(200, page(shop.webUrl(), "/profile", session).statusCode());
        assertEquals(200, page(shop.webUrl(), "/", session, "X-Request-Id", lastRequest).statusCode());
        // a purchase: the card goes gateway -> order -> payment
        shop.api.putInCart(accessToken, Api.MUG_ID, 1);
        String checkoutRequest = "checkout-" + UUID.randomUUID();
        HttpResponse<String> placed = send(shop.gatewayUrl(), "POST", "/api/orders", accessToken,
                "{\"payment\":{\"cardNumber\":\"" + CARD + "\",\"expiry\":\"12/39\",\"cvc\":\"737\"}}",
                "Idempotency-Key", UUID.randomUUID().toString(), "X-Request-Id", checkoutRequest);
        assertEquals(201, placed.statusCode(), placed.body());
        String orderId = Api.read(placed.body()).get("id").asString();
        assertEquals(200, send(shop.gatewayUrl(), "POST", "/api/orders/" + orderId + "/cancel", accessToken, null,
                "Idempotency-Key", UUID.randomUUID().toString())
            .statusCode());

        // refresh and logout through auth
        HttpResponse<String> refreshed = send(shop.gatewayUrl(), "POST", "/api/auth/refresh", null,
                "{\"refresh_token\":\"" + refreshToken + "\"}");
        assertEquals(200, refreshed.statusCode());
        String newRefreshToken = Api.read(refreshed.body()).get("refresh_token").asString();

        // every service has logged what it did by now (the page's request id reached the
        // home chain, the checkout's order and payment)
        for (String service : HOME_CHAIN) {
            awaitLine(shop, service, l -> l.endsWith(lastRequest));
        }
        for (String service : List.of("order", "payment")) {
            awaitLine(shop, service, l -> l.endsWith(checkoutRequest));
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("password", user.password());
        secrets.put("wrong password", wrongPassword);
        secrets.put("access token", accessToken);
        secrets.put("access token signature", accessToken.substring(accessToken.lastIndexOf('.') + 1));
        secrets.put("forged token", forged);
        secrets.put("refresh token", refreshToken);
        secrets.put("rotated refresh token", newRefreshToken);
        secrets.put("session cookie", session.cookie());
        secrets.put("csrf token", session.csrf());
        secrets.put("idempotent body", marker);
        secrets.put("card number", CARD);
        List<String> leaks = new ArrayList<>();
        for (String service : SERVICES) {
            String log = readLog(shop, service);
            assertFalse(log.isBlank(), service + " wrote no log");
            secrets.forEach((what, secret) -> {
                if (log.contains(secret)) {
                    leaks.add(what + " in " + service + "'s log");
                }
            });
        }
        assertEquals(List.of(), leaks);
    }

    // --- helpers

    private static String url(E2ePlatform shop, String service) {
        String url = shop.platform.url(service).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The first line of the service's log that matches, waiting for it to be written. */
    private static String awaitLine(E2ePlatform shop, String service, java.util.function.Predicate<String> match) {
        String[] found = new String[1];
        Await.until(service + " logs the line", LOGS_WAIT, () -> {
            found[0] = readLog(shop, service).lines().filter(match).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static String readLog(E2ePlatform shop, String service) {
        Path file = shop.platform.logFile(service);
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> page(String webUrl, String path, WebSession session, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webUrl + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "text/html")
            .header("Cookie", session.cookieHeader());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.GET().build());
    }

    private HttpResponse<String> sendKeyed(String base, String bearer, String key, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/members"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    private HttpResponse<String> send(String base, String method, String path, String bearer, String json,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- Prometheus text format and the metric list

    /** One service's {@code /actuator/prometheus}: metric name → its series' labels. */
    record Scrape(Map<String, List<Map<String, String>>> metrics, Map<String, List<Double>> samples) {

        List<Map<String, String>> series(String name) {
            return metrics.getOrDefault(name, List.of());
        }

        Set<String> values(String name, String label) {
            Set<String> values = new TreeSet<>();
            series(name).forEach(s -> {
                if (s.get(label) != null) {
                    values.add(s.get(label));
                }
            });
            return values;
        }

        /** Sum of the samples of {@code name} whose labels include {@code selector}. */
        double value(String name, Map<String, String> selector) {
            List<Map<String, String>> all = series(name);
            double sum = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).entrySet().containsAll(selector.entrySet())) {
                    sum += samples.get(name).get(i);
                }
            }
            return sum;
        }

    }

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][\\w:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?");

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Scrape scrape(URI management) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus"))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "text/plain")
            .GET()
            .build());
        assertEquals(200, response.statusCode(), management + "/actuator/prometheus");
        Map<String, List<Map<String, String>>> metrics = new LinkedHashMap<>();
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.trim());
            assertTrue(sample.matches(), "not a sample line: " + line);
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            metrics.computeIfAbsent(sample.group(1), k -> new ArrayList<>()).add(labels);
            samples.computeIfAbsent(sample.group(1), k -> new ArrayList<>()).add(parse(sample.group(3)));
        }
        return new Scrape(metrics, samples);
    }

    private static double parse(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    /** A line of {@code deploy/observability/exported-metrics.txt}. */
    record ExportedMetric(String name, Map<String, Set<String>> labels, Set<String> exporters) {
    }

    static List<ExportedMetric> exportedMetrics() {
        Path file = E2ePlatform.repoRoot().resolve("deploy/observability/exported-metrics.txt");
        List<ExportedMetric> metrics = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher entry = Pattern.compile("([a-zA-Z_:][\\w:]*)(?:\\{([^}]*)})?((?:\\s+[\\w-]+)+)").matcher(line);
                assertTrue(entry.matches(), line);
                Map<String, Set<String>> labels = new LinkedHashMap<>();
                if (entry.group(2) != null) {
                    for (String label : entry.group(2).split(",")) {
                        String[] parts = label.split("=", 2);
                        labels.put(parts[0].trim(), new LinkedHashSet<>(List.of(parts[1].trim().split("\\|"))));
                    }
                }
                metrics.add(new ExportedMetric(entry.group(1), labels,
                        new LinkedHashSet<>(List.of(entry.group(3).trim().split("\\s+")))));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(metrics.isEmpty(), file.toString());
        return metrics;
    }

}
