package com.acme.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.TestInfra;

import reactor.core.publisher.Flux;

/**
 * The gateway over real HTTP with real Redis, in front of an in-test upstream that serves
 * the JWKS and records what reaches it. Tokens are minted in the test (ES256, like auth).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "UPSTREAM_RESPONSE_TIMEOUT=1s", "UPSTREAM_CONNECT_TIMEOUT_MS=500",
                "MEMBER_CREATE_IDEMPOTENCY_KEY_REQUIRED=true" })
class GatewayIT {

    static final TestTokens TOKENS = TestTokens.create();

    @RegisterExtension
    static final FakeUpstream UPSTREAM = new FakeUpstream(TOKENS.jwksJson());

    static final byte[] TWO_MIB = new byte[2 * 1024 * 1024];

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ReactiveStringRedisTemplate redis;

    WebTestClient client;

    String alice = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAM.register(registry, "AUTH_SERVER_URL", "MEMBER_SERVER_URL");
        // nothing listens on port 1: connections are refused at once
        registry.add("BFF_SERVER_URL", () -> "http://127.0.0.1:1");
    }

    @BeforeEach
    void setUp() {
        client = FakeUpstream.gatewayClient(port);
    }

    // --- routing, request id, Authorization forwarding
    // ---------------------------------------

    @Test
    void forwardsAuthorizationAndRequestIdUnchanged() {
        String token = TOKENS.user(alice);
        client.get()
            .uri("/api/members/42?x=1")
            .headers(h -> h.setBearerAuth(token))
            .header("X-Request-Id", "req-abc.123")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Request-Id", "req-abc.123");
        StubServer.Request received = UPSTREAM.received("GET", "/api/members/42").get(0);
        assertThat(received.uri()).isEqualTo("/api/members/42?x=1");
        assertThat(received.headers()).containsEntry("Authorization", "Bearer " + token)
            .containsEntry("X-Request-Id", "req-abc.123");
    }

    @Test
    void forwardsTheConnectionAddressNotAClientChosenOne() {
        client.get()
            .uri("/api/members/5")
            .headers(h -> h.setBearerAuth(TOKENS.user(alice)))
            .header("X-Forwarded-For", "6.6.6.6")
            .exchange()
            .expectStatus()
            .isOk();
        assertThat(UPSTREAM.received("GET", "/api/members/5").get(0).headers()).containsEntry("X-Forwarded-For",
                "127.0.0.1");
    }

    @Test
    void aClientSentForwardedForNeverReachesAuthWhenNoProxyIsTrusted() {
        client.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Forwarded-For", "6.6.6.6")
            .header("X-Forwarded-For", "7.7.7.7")
            .header("Forwarded", "for=8.8.8.8")
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk();
        Map<String, String> received = UPSTREAM.received("POST", "/api/auth/login").get(0).headers();
        assertThat(received).containsEntry("X-Forwarded-For", "127.0.0.1").doesNotContainKey("Forwarded");
        assertThat(received.values())
            .noneMatch(value -> value.contains("6.6.6.6") || value.contains("7.7.7.7") || value.contains("8.8.8.8"));
    }

    @Test
    void createsRequestIdWhenAbsentAndForwardsIt() {
        String requestId = client.get()
            .uri("/api/members/7")
            .headers(h -> h.setBearerAuth(TOKENS.user(alice)))
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat(UPSTREAM.received("GET", "/api/members/7").get(0).headers()).containsEntry("X-Request-Id",
                requestId);
    }

    @Test
    void publicPathsNeedNoToken() {
        client.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk();
        client.get()
            .uri("/.well-known/jwks.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.keys[0].kid")
            .isEqualTo(TOKENS.kid());
    }

    @Test
    void unknownRouteIs404ProblemWithOrWithoutToken() {
        client.get()
            .uri("/api/nothing-here")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get()
            .uri("/api/nothing-here")
            .headers(h -> h.setBearerAuth(TOKENS.user(alice)))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(404);
    }

    // --- token validation (rules B2–B9, B13)
    // ---------------------------------------------------

    @Test
    void missingTokenGets401WithPlainBearerChallenge() {
        client.get()
            .uri("/api/members")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(401);
        client.post()
            .uri("/api/auth/logout")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isUnauthorized();
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "tampered", "alg-none", "hs256-confused", "foreign-key", "wrong-aud", "expired",
            "wrong-typ", "no-jti", "garbage" })
    void rejectsBadTokensWithInvalidToken(String kind) {
        String token = switch (kind) {
            // a valid user token whose payload now claims ADMIN: the signature no longer
            // matches
            case "tampered" ->
                TestTokens.tamper(TOKENS.user(alice), payload -> payload.replace("[\"USER\"]", "[\"USER\",\"ADMIN\"]"));
            case "alg-none" -> TOKENS.token(alice).unsigned();
            case "hs256-confused" -> TOKENS.token(alice).signHs256WithPublicKey();
            case "foreign-key" -> TOKENS.token(alice).signWith(TestTokens.newEcKeyPair());
            case "wrong-aud" -> TOKENS.token(alice).audiences("shop-other").sign();
            case "expired" -> TOKENS.token(alice).expired().sign();
            case "wrong-typ" -> TOKENS.token(alice).type("JWT").sign();
            case "no-jti" -> TOKENS.token(alice).jti(null).sign();
            default -> "not-a-jwt";
        };
        expectInvalidToken(client.get().uri("/api/members").headers(h -> h.setBearerAuth(token)).exchange());
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void ignoresAccessTokenQueryParameter() {
        client.get()
            .uri("/api/members?access_token=" + TOKENS.user(alice))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void refusesDenylistedTokenAtOnce() {
        String token = TOKENS.user(alice);
        client.get().uri("/api/members/1").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        redis.opsForValue()
            .set("deny:" + TestTokens.ISSUER + ":" + TestTokens.jti(token), "1", Duration.ofMinutes(10))
            .block();
        expectInvalidToken(client.get().uri("/api/members/1").headers(h -> h.setBearerAuth(token)).exchange());
    }

    // --- upstream failures, body limit
    // -----------------------------------------------------------

    @Test
    void unreachableUpstreamIs503Problem() {
        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(TOKENS.user(alice)))
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .exists(HttpHeaders.RETRY_AFTER)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(503)
            .jsonPath("$.detail")
            .value(detail -> assertThat(detail.toString()).doesNotContain("127.0.0.1"));
    }

    @Test
    void slowUpstreamIs504Problem() {
        client.get()
            .uri("/api/members/slow")
            .headers(h -> h.setBearerAuth(TOKENS.user(alice)))
            .exchange()
            .expectStatus()
            .isEqualTo(504)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void oversizedBodyIs413ProblemWithoutKey() {
        client.put()
            .uri("/api/members/1")
            .headers(h -> h.setBearerAuth(TOKENS.user(alice)))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(TWO_MIB)
            .exchange()
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(UPSTREAM.received("PUT", "/api/members/1")).isEmpty();
    }

    @Test
    void oversizedBodyIs413OnPublicRoutesToo() {
        client.post()
            .uri("/api/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(TWO_MIB)
            .exchange()
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void oversizedChunkedBodyIs413Problem() {
        Flux<DataBuffer> chunks = Flux.range(0, 40)
            .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
        client.put()
            .uri("/api/members/2")
            .headers(h -> h.setBearerAuth(TOKENS.user(alice)))
            .contentType(MediaType.APPLICATION_JSON)
            .body(chunks, DataBuffer.class)
            .exchange()
            .expectStatus()
            .isEqualTo(413);
    }

    // --- idempotency: the gateway's wiring only (route filter on the required routes,
    // scope by the token's sub,
    // upstream-only headers not replayed, order after authentication, Redis down); the
    // rules themselves (A1–A14)
    // are pinned once, in common's IdempotencyIT
    // ------------------------------------------------------------

    @Test
    void replaysStoredResponseForSameKey() {
        String key = UUID.randomUUID().toString();
        EntityExchangeResult<byte[]> first = create(TOKENS.user(alice), key, "{\"name\":\"Ann\"}").expectStatus()
            .isCreated()
            .expectBody()
            .returnResult();
        EntityExchangeResult<byte[]> second = create(TOKENS.user(alice), key, "{\"name\":\"Ann\"}").expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true")
            .expectBody()
            .returnResult();
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNotEqualTo("true");
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(second.getResponseHeaders().getETag()).isEqualTo(first.getResponseHeaders().getETag());
        assertThat(second.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(second.getResponseHeaders().get("X-Upstream-Private")).isNull();
        assertThat(UPSTREAM.received("POST", "/api/members")).hasSize(1);
    }

    @Test
    void anotherUserWithSameKeyGetsOwnResult() {
        String key = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        byte[] alices = create(TOKENS.user(alice), key, "{}").expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody();
        EntityExchangeResult<byte[]> bobs = create(TOKENS.user(bob), key, "{}").expectStatus()
            .isCreated()
            .expectBody()
            .returnResult();
        assertThat(bobs.getResponseHeaders().getFirst("Idempotent-Replayed")).isNotEqualTo("true");
        assertThat(bobs.getResponseBody()).isNotEqualTo(alices);
        assertThat(UPSTREAM.received("POST", "/api/members")).hasSize(2);
    }

    @Test
    void missingKeyOnRequiredRouteIs400WithDocLink() {
        client.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(TOKENS.user(alice)))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals(HttpHeaders.LINK, "</docs/idempotency.html>; rel=\"describedby\"");
        assertThat(UPSTREAM.received("POST", "/api/members")).isEmpty();
        client.get()
            .uri("/docs/idempotency.html")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .value(page -> assertThat(page).contains("24 hours"));
    }

    @Test
    void keyIsOptionalOnOtherRoutes() {
        client.post()
            .uri("/api/members/import")
            .headers(h -> h.setBearerAuth(TOKENS.user(alice)))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .doesNotExist("Idempotent-Replayed");
    }

    @Test
    void checksAuthenticationThenKeySyntaxThenBodySize() {
        client.post()
            .uri("/api/members")
            .header("Idempotency-Key", "bad key!")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(TWO_MIB)
            .exchange()
            .expectStatus()
            .isUnauthorized();
        create(TOKENS.user(alice), "bad key!", TWO_MIB).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        create(TOKENS.user(alice), UUID.randomUUID().toString(), TWO_MIB).expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void redisDownFailsClosedAndRecovers() {
        String token = TOKENS.user(alice);
        TestInfra.stopRedis();
        try {
            create(token, UUID.randomUUID().toString(), "{}").expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER);
            assertThat(UPSTREAM.received("POST", "/api/members")).isEmpty();
        }
        finally {
            TestInfra.startRedis();
        }
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> create(token, UUID.randomUUID().toString(), "{}").expectStatus().isCreated());
    }

    // --- admin port
    // ----------------------------------------------------------------------------------

    @Test
    void healthIsServedOnManagementPortWithoutToken() {
        WebTestClient admin = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        admin.get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
        admin.get().uri("/actuator/metrics").exchange().expectStatus().isOk();
        admin.get()
            .uri("/actuator/gateway/routes")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$[?(@.route_id == 'member-create')]")
            .exists();
        admin.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(body -> assertThat(body).contains("http_server_requests"));
    }

    /**
     * The gateway's counters and its request metrics per route, as Prometheus scrapes
     * them: token checks by outcome and reason, idempotency outcomes, and
     * {@code http.server.requests} tagged with the route's pattern (never the raw path)
     * with latency buckets.
     */
    @Test
    void prometheusCountsTokenChecksAndIdempotencyAndTagsRequestsByRoute() {
        String token = TOKENS.user(alice);
        String key = UUID.randomUUID().toString();
        Map<String, Double> before = scrape();
        client.get()
            .uri("/api/members/" + UUID.randomUUID())
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk();
        client.get().uri("/api/members/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        client.get()
            .uri("/api/members/1")
            .headers(h -> h.setBearerAuth(TOKENS.token(alice).expired().sign()))
            .exchange()
            .expectStatus()
            .isUnauthorized();
        create(token, key, "{\"name\":\"metrics\"}").expectStatus().isCreated();
        create(token, key, "{\"name\":\"metrics\"}").expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true");
        create(token, key, "{\"name\":\"other\"}").expectStatus().isEqualTo(422);

        Map<String, Double> after = scrape();
        java.util.function.Function<String, Double> grew = series -> after.getOrDefault(series, 0.0)
                - before.getOrDefault(series, 0.0);
        String app = "application=\"gateway\"";
        assertThat(grew.apply("gateway_token_validations_total{" + app + ",outcome=\"accepted\",reason=\"none\"}"))
            .isGreaterThanOrEqualTo(4);
        assertThat(grew.apply("gateway_token_validations_total{" + app + ",outcome=\"rejected\",reason=\"missing\"}"))
            .isEqualTo(1);
        assertThat(grew.apply("gateway_token_validations_total{" + app + ",outcome=\"rejected\",reason=\"expired\"}"))
            .isEqualTo(1);
        assertThat(grew.apply("gateway_idempotency_requests_total{" + app + ",outcome=\"stored\"}")).isEqualTo(1);
        assertThat(grew.apply("gateway_idempotency_requests_total{" + app + ",outcome=\"replayed\"}")).isEqualTo(1);
        assertThat(grew.apply("gateway_idempotency_requests_total{" + app + ",outcome=\"mismatch\"}")).isEqualTo(1);
        assertThat(after).containsKey("gateway_idempotency_requests_total{" + app + ",outcome=\"redis_error\"}");
        Set<String> uris = after.keySet()
            .stream()
            .filter(series -> series.startsWith("http_server_requests_seconds_count{"))
            .map(series -> series.replaceAll(".*uri=\"([^\"]*)\".*", "$1"))
            .collect(java.util.stream.Collectors.toSet());
        assertThat(uris).contains("/api/members/**", "/api/members").noneMatch(uri -> uri.matches(".*[0-9a-f]{8}-.*"));
        java.util.function.Predicate<String> unauthorizedOnTheRoute = series -> series
            .startsWith("http_server_requests_seconds_count{") && series.contains("status=\"401\"")
                && series.contains("uri=\"/api/members/**\"") && series.contains(app);
        // the request without a token; the expired token was refused before any route
        // was looked at (uri UNKNOWN), and is counted as such by the token check
        assertThat(sum(after, unauthorizedOnTheRoute) - sum(before, unauthorizedOnTheRoute)).isEqualTo(1);
        assertThat(after.keySet()).anyMatch(series -> series.startsWith("http_server_requests_seconds_bucket{")
                && series.contains("uri=\"/api/members/**\"") && series.contains("le=\"0.1\""));
    }

    /**
     * A W3C {@code traceparent} from the caller continues upstream: same trace id, the
     * gateway's own span as parent.
     */
    @Test
    void continuesTheCallersTraceUpstream() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        client.get()
            .uri("/api/members/trace-me")
            .headers(h -> h.setBearerAuth(TOKENS.user(alice)))
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .exchange()
            .expectStatus()
            .isOk();
        String forwarded = UPSTREAM.received("GET", "/api/members/trace-me").get(0).headers().get("traceparent");
        assertThat(forwarded).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");
    }

    private static double sum(Map<String, Double> scrape, java.util.function.Predicate<String> series) {
        return scrape.entrySet().stream().filter(e -> series.test(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
    }

    /** {@code series -> value} of the gateway's Prometheus page. */
    private Map<String, Double> scrape() {
        String page = WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + managementPort)
            .build()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        Map<String, Double> series = new java.util.HashMap<>();
        for (String line : page.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0) {
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return series;
    }

    @Test
    void managementPortListensOnLoopbackOnlyByDefault() {
        // bound to 127.0.0.1, not to every address: another address of this host
        // (127.0.0.2) is refused
        assertThat(accepts("127.0.0.1", managementPort)).isTrue();
        assertThat(accepts("127.0.0.2", managementPort)).isFalse();
        assertThat(accepts("127.0.0.2", port)).isTrue();
    }

    /** Whether a TCP connection to host:port is accepted. */
    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    // --- helpers
    // -------------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec create(String token, String key, Object body) {
        return client.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(token))
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    private static void expectInvalidToken(WebTestClient.ResponseSpec response) {
        response.expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .value(HttpHeaders.WWW_AUTHENTICATE,
                    value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
    }

    /**
     * The whole path through the gateway, not only the idempotency handler (IdempotencyIT
     * covers that): 100 concurrent duplicates of a slow create reach the upstream once,
     * whatever the gateway's own HTTP client does with its connections.
     */
    @Test
    void concurrentSameKeyPostsReachTheUpstreamOnce() {
        String key = UUID.randomUUID().toString();
        String token = TOKENS.user(alice);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Flux.range(0, 100)
            .flatMap(
                    i -> WebClient.create("http://127.0.0.1:" + port)
                        .post()
                        .uri(FakeUpstream.RACE)
                        .headers(h -> h.setBearerAuth(token))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":\"Race\"}")
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                    100)
            .doOnNext(status -> statuses.merge(status, 1, Integer::sum))
            .blockLast(Duration.ofSeconds(60));
        assertThat(UPSTREAM.received("POST", FakeUpstream.RACE)).hasSize(1);
        assertThat(statuses.keySet()).isSubsetOf(201, 409);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }

}
