package com.acme.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.acme.shop.infra.PostgresConnection;
import com.acme.shop.infra.RedisConnection;
import com.acme.shop.infra.TestInfra;
import com.acme.shop.launcher.Platform;
import com.acme.shop.launcher.PlatformOptions;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole API path with the real auth, member and bff services (started as processes by
 * the launcher) behind this gateway (in-process), over real HTTP with real PostgreSQL and
 * Redis. The gateway runs the shipped configuration: no route requires an idempotency
 * key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class FullStackIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String PASSWORD = "quiet lanterns drift over 7 harbours";

    static Path dataDir;

    static Platform platform;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    WebTestClient client;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) throws IOException {
        PostgresConnection pg = TestInfra.postgres();
        RedisConnection redis = TestInfra.redis();
        dataDir = Files.createTempDirectory("gateway-it-");
        // isolated: variables exported in the caller's shell (ADMIN_EMAIL,
        // SPRING_PROFILES_ACTIVE, ...) stay out
        PlatformOptions defaults = PlatformOptions.isolated();
        PlatformOptions options = defaults.withServices("auth", "member", "bff")
            .withRandomPorts()
            .withRepoRoot(snapshotJars(defaults.repoRoot(), dataDir.resolve("repo"), "auth", "member", "bff"))
            .withDataDir(dataDir.resolve("data"))
            .withEnv("DATABASE_URL", pg.databaseUrl())
            .withEnv("REDIS_URL", redis.host())
            .withEnv("REDIS_PORT", String.valueOf(redis.port()))
            .withEnv("REDIS_DB", String.valueOf(redis.database()))
            .withEnv("BCRYPT_COST", "4")
            .withLogs(Boolean.getBoolean("shop.it.logs"));
        if (redis.password() != null) {
            options = options.withEnv("REDIS_PASSWORD", redis.password());
        }
        platform = Platform.start(options);
        assertThat(platform.skippedServices()).as("service jars missing: build auth, member and bff first").isEmpty();
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("AUTH_SERVER_URL", () -> stripSlash(platform.url("auth").toString()));
        registry.add("MEMBER_SERVER_URL", () -> stripSlash(platform.url("member").toString()));
        registry.add("BFF_SERVER_URL", () -> stripSlash(platform.url("bff").toString()));
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /**
     * Copies the service jars, so that a concurrent rebuild of auth or member cannot
     * change a jar under a running service.
     */
    private static Path snapshotJars(Path repoRoot, Path copyRoot, String... services) throws IOException {
        for (String service : services) {
            Path jar = Path.of(service, "target", service + "-0.1.0-SNAPSHOT.jar");
            Path source = repoRoot.resolve(jar);
            assertThat(source).as("build it first: ./mvnw -pl " + service + " package -DskipTests").exists();
            Files.createDirectories(copyRoot.resolve(jar).getParent());
            Files.copy(source, copyRoot.resolve(jar));
        }
        return copyRoot;
    }

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    @Test
    void registerLoginAndManageOwnProfile() {
        String email = uniqueEmail();
        client.post()
            .uri("/api/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", PASSWORD, "name", "Rita Register"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.email")
            .isEqualTo(email)
            .jsonPath("$.id")
            .isNotEmpty();
        String token = login(email, PASSWORD).get("access_token").asString();

        client.get()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(token))
            .header("X-Request-Id", "trace-42")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .values("X-Request-Id", values -> assertThat(values).containsExactly("trace-42"))
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Rita Register");
        client.put()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "name", "Rita Renamed", "phone", "+1 555 0100"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Rita Renamed");
        client.get()
            .uri("/api/auth/verify")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.email")
            .isEqualTo(email);
    }

    @Test
    void adminHasFullCrudWhileUserIsForbidden() {
        String admin = adminToken();
        String userToken = newUserToken();

        JsonNode created = body(client.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", uniqueEmail(), "name", "Carl Crud"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .exists(HttpHeaders.LOCATION)
            .expectHeader()
            .exists(HttpHeaders.ETAG));
        String id = created.get("id").asString();

        client.get()
            .uri("/api/members/{id}", id)
            .headers(h -> h.setBearerAuth(admin))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Carl Crud");
        client.put()
            .uri("/api/members/{id}", id)
            .headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", created.get("email").asString(), "name", "Carl Changed"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Carl Changed");
        client.get()
            .uri("/api/members?q=Carl Changed")
            .headers(h -> h.setBearerAuth(admin))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.page.totalElements")
            .isEqualTo(1);

        client.get()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(userToken))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get()
            .uri("/api/members/{id}", id)
            .headers(h -> h.setBearerAuth(userToken))
            .exchange()
            .expectStatus()
            .isForbidden();
        client.delete()
            .uri("/api/members/{id}", id)
            .headers(h -> h.setBearerAuth(userToken))
            .exchange()
            .expectStatus()
            .isForbidden();

        client.delete()
            .uri("/api/members/{id}", id)
            .headers(h -> h.setBearerAuth(admin))
            .exchange()
            .expectStatus()
            .isNoContent();
        client.get()
            .uri("/api/members/{id}", id)
            .headers(h -> h.setBearerAuth(admin))
            .exchange()
            .expectStatus()
            .isNotFound();
    }

    @Test
    void shippedConfigRequiresNoKeyAndReplaysKeyedCreate() {
        String admin = adminToken();
        client.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", uniqueEmail(), "name", "No Key"))
            .exchange()
            .expectStatus()
            .isCreated();

        String key = UUID.randomUUID().toString();
        String email = uniqueEmail();
        byte[] first = keyedCreate(admin, key, email, "Kay Keyed").expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody();
        byte[] replay = keyedCreate(admin, key, email, "Kay Keyed").expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true")
            .expectBody()
            .returnResult()
            .getResponseBody();
        assertThat(replay).isEqualTo(first);
        keyedCreate(admin, key, email, "Other Body").expectStatus().isEqualTo(422);
        assertThat(countByEmail(admin, email)).isEqualTo(1);
    }

    @Test
    void concurrentSameKeyCreatesExactlyOneMember() {
        String admin = adminToken();
        String key = UUID.randomUUID().toString();
        String email = uniqueEmail();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Flux.range(0, 100)
            .flatMap(
                    i -> WebClient.create("http://127.0.0.1:" + port)
                        .post()
                        .uri("/api/members")
                        .headers(h -> h.setBearerAuth(admin))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "name", "Concurrent Carla"))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                    100)
            .doOnNext(status -> statuses.merge(status, 1, Integer::sum))
            .blockLast(Duration.ofSeconds(120));
        assertThat(statuses.keySet()).isSubsetOf(201, 409);
        assertThat(countByEmail(admin, email)).isEqualTo(1);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        String email = register();
        JsonNode tokens = login(email, PASSWORD);
        String firstRefresh = tokens.get("refresh_token").asString();

        JsonNode rotated = body(client.post()
            .uri("/api/auth/refresh")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("refresh_token", firstRefresh))
            .exchange()
            .expectStatus()
            .isOk());
        String secondRefresh = rotated.get("refresh_token").asString();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(rotated.get("token_type").asString()).isEqualTo("Bearer");

        client.post()
            .uri("/api/auth/refresh")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("refresh_token", firstRefresh))
            .exchange()
            .expectStatus()
            .isUnauthorized();
        client.post()
            .uri("/api/auth/refresh")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("refresh_token", secondRefresh))
            .exchange()
            .expectStatus()
            .isUnauthorized();
        String accessOfFamily = rotated.get("access_token").asString();
        client.get()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(accessOfFamily))
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void logoutRefusesTheAccessTokenAtOnce() {
        logInLogOutAndReuseTheToken(register()).expectStatus()
            .isUnauthorized()
            .expectHeader()
            .value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer error=\"invalid_token\""));
    }

    /**
     * With the revocation replica in the gateway and member (issue 10), the logout's
     * denylist entry reaches them as a keyspace notification: twenty logouts in a row,
     * each token refused by the very next request. The loop also sends a request on a
     * keep-alive connection right after a 401, which hung on Reactor Netty before 1.3.8
     * (see the root pom and common's {@code PipelinedKeepAliveTest}).
     */
    @Test
    void logoutRefusesTheAccessTokenAtOnceEveryTime() {
        String email = register();
        for (int i = 0; i < 20; i++) {
            logInLogOutAndReuseTheToken(email).expectStatus().isUnauthorized();
        }
    }

    /**
     * Logs in, uses the access token (200), logs out (204) and answers the next request
     * made with that token.
     */
    private WebTestClient.ResponseSpec logInLogOutAndReuseTheToken(String email) {
        JsonNode tokens = login(email, PASSWORD);
        String access = tokens.get("access_token").asString();
        client.get().uri("/api/members/me").headers(h -> h.setBearerAuth(access)).exchange().expectStatus().isOk();
        client.post()
            .uri("/api/auth/logout")
            .headers(h -> h.setBearerAuth(access))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("refresh_token", tokens.get("refresh_token").asString()))
            .exchange()
            .expectStatus()
            .isNoContent();
        return client.get().uri("/api/members/me").headers(h -> h.setBearerAuth(access)).exchange();
    }

    /**
     * The Swagger UI at /docs lists the three real specs, each loaded through the gateway
     * without a token (GET /docs/specs/<name>): OpenAPI 3.1 with the real /api paths, a
     * bearer scheme for "Authorize", and no absolute server, so that "Try it out" calls
     * the gateway's origin. The admin port serves the same specs raw. (Needs the services
     * to publish /v3/api-docs, as springdoc in auth, member and bff does.)
     */
    @Test
    void theSwaggerUiLoadsEveryServiceSpecThroughTheGateway() {
        client.get().uri("/docs").exchange().expectStatus().isFound().expectHeader().location("/docs/index.html");
        assertThat(body(client.get().uri("/docs/swagger-config").exchange().expectStatus().isOk()).get("urls")
            .valueStream()
            .map(url -> url.get("name").asString())
            .toList()).containsExactly("auth", "member", "bff", "product", "order");
        WebTestClient admin = WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + managementPort)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
        Map<String, String> documented = Map.of("auth", "/api/auth/login", "member", "/api/members", "bff",
                "/api/home");
        for (String service : List.of("auth", "member", "bff")) {
            JsonNode spec = body(client.get()
                .uri("/docs/specs/{service}", service)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
            assertThat(spec.path("openapi").asString()).as(service + " OpenAPI version").startsWith("3.1");
            assertThat(spec.path("paths").has(documented.get(service))).as(service + " documents its API paths")
                .isTrue();
            assertThat(spec.path("servers").valueStream().map(server -> server.path("url").asString()))
                .as(service + " servers must be relative, so that Try it out calls the gateway")
                .allMatch(url -> url.startsWith("/") && !url.startsWith("//"));
            assertThat(spec.path("components").path("securitySchemes").valueStream())
                .as(service + " has a bearer security scheme")
                .anyMatch(scheme -> "http".equals(scheme.path("type").asString())
                        && "bearer".equalsIgnoreCase(scheme.path("scheme").asString()));
            JsonNode raw = body(
                    admin.get().uri("/actuator/apidocs/{service}", service).exchange().expectStatus().isOk());
            assertThat(raw.path("paths").has(documented.get(service))).as(service + " raw spec on the admin port")
                .isTrue();
        }
    }

    @Test
    void badInputGetsProblemDetails() {
        String admin = adminToken();
        client.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"email\": \"x@example.test\", \"name\": ")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("name=x")
            .exchange()
            .expectStatus()
            .isEqualTo(415)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new byte[1024 * 1024 + 1])
            .exchange()
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", "not-an-email", "name", ""))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors")
            .isArray();
    }

    @Test
    void hostileLookingNamesAreStoredLiterally() {
        String admin = adminToken();
        for (String name : new String[] { "Robert'); DROP TABLE members;--", "<script>alert(1)</script>" }) {
            String id = body(client.post()
                .uri("/api/members")
                .headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", uniqueEmail(), "name", name))
                .exchange()
                .expectStatus()
                .isCreated()).get("id").asString();
            client.get()
                .uri("/api/members/{id}", id)
                .headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo(name);
        }
    }

    @Test
    void redisDownFailsClosedThenRecovers() {
        String admin = adminToken();
        String email = uniqueEmail();
        TestInfra.stopRedis();
        try {
            keyedCreate(admin, UUID.randomUUID().toString(), email, "Redis Down").expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER);
        }
        finally {
            TestInfra.startRedis();
        }
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> keyedCreate(admin, UUID.randomUUID().toString(), email, "Redis Back").expectStatus()
                .isCreated());
        assertThat(countByEmail(admin, email)).isEqualTo(1);
    }

    // --- helpers
    // -------------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec keyedCreate(String token, String key, String email, String name) {
        return client.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(token))
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "name", name))
            .exchange();
    }

    private long countByEmail(String admin, String email) {
        return body(client.get()
            .uri(b -> b.path("/api/members").queryParam("q", email).build())
            .headers(h -> h.setBearerAuth(admin))
            .exchange()
            .expectStatus()
            .isOk()).get("page").get("totalElements").asLong();
    }

    private String adminToken() {
        return login(platform.adminEmail(), platform.adminPassword()).get("access_token").asString();
    }

    private String newUserToken() {
        return login(register(), PASSWORD).get("access_token").asString();
    }

    private String register() {
        String email = uniqueEmail();
        client.post()
            .uri("/api/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", PASSWORD, "name", "Test User"))
            .exchange()
            .expectStatus()
            .isCreated();
        return email;
    }

    private JsonNode login(String email, String password) {
        return body(client.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password))
            .exchange()
            .expectStatus()
            .isOk());
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        byte[] bytes = response.expectBody().returnResult().getResponseBody();
        return JSON.readTree(bytes);
    }

    private static String uniqueEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

}
