package com.acme.shop.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.TestInfra;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/** Rules A1–A14 over real HTTP, a real Redis, and a service wired like member. */
@SpringBootTest(classes = IdempotencyTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyIT {

    static final TestTokens tokens = TestTokens.builder().audiences("shop-gateway", "shop-test").build();
    static final String JSON = "{\"email\":\"a@shop.test\",\"name\":\"A\"}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.data.redis.timeout", () -> "1s");
        registry.add("shop.jwt.audience", () -> "shop-test");
        registry.add("shop.jwt.jwks-uri", tokens::jwksUri);
        registry.add("shop.jwt.denylist", () -> "false");
        registry.add("shop.idempotency.enabled", () -> "true");
        registry.add("shop.idempotency.doc-url", () -> "https://docs.shop.test/idempotency");
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    WebTestClient client;

    String subject;

    String token;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
        subject = UUID.randomUUID().toString();
        token = tokens.user(subject);
        IdempotencyTestApp.calls.clear();
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    private WebTestClient.RequestHeadersSpec<?> post(String path, String key, String body) {
        return client.post().uri(path).headers(h -> {
            h.setBearerAuth(token);
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void replaysStoredResponseForSameKey() {
        String key = key();
        EntityExchangeResult<byte[]> first = post("/api/items", key, JSON).exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .doesNotExist(IdempotencyHandler.REPLAYED_HEADER)
            .expectBody()
            .returnResult();
        EntityExchangeResult<byte[]> second = post("/api/items", key, JSON).exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(IdempotencyHandler.REPLAYED_HEADER, "true")
            .expectHeader()
            .doesNotExist(HttpHeaders.SET_COOKIE)
            .expectHeader()
            .doesNotExist("X-Custom")
            .expectBody()
            .returnResult();

        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(new String(first.getResponseBody())).contains("\"received\":" + JSON.length());
        HttpHeaders a = first.getResponseHeaders();
        HttpHeaders b = second.getResponseHeaders();
        for (String name : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG,
                HttpHeaders.CONTENT_LANGUAGE)) {
            assertThat(b.get(name)).as(name).isEqualTo(a.get(name)).isNotEmpty();
        }
        assertThat(IdempotencyTestApp.calls("create")).isEqualTo(1);
    }

    @Test
    void keepsRecordsForTheConfiguredTtlUnderAHashedScope() {
        String key = key();
        post("/api/items", key, JSON).exchange().expectStatus().isCreated();
        String redisKey = RedisIdempotencyStore.KEY_PREFIX + IdempotencyKeys.scope("default", subject, key);
        Duration ttl = redis.getExpire(redisKey).block(Duration.ofSeconds(5));
        assertThat(ttl).isBetween(Duration.ofSeconds(86_000), Duration.ofSeconds(86_400));
        assertThat(redis.keys("*" + key + "*").collectList().block(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void treatsAliasHeaderAndQuotedKeyAsTheSameKey() {
        String key = key();
        client.post().uri("/api/items").headers(h -> {
            h.setBearerAuth(token);
            h.set("X-Idempotency-Key", "\"" + key + "\"");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(JSON).exchange().expectStatus().isCreated();
        post("/api/items", key, JSON).exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(IdempotencyHandler.REPLAYED_HEADER, "true");
        assertThat(IdempotencyTestApp.calls("create")).isEqualTo(1);
    }

    @Test
    void answers422ForSameKeyWithDifferentBodyOrPath() {
        String key = key();
        post("/api/items", key, JSON).exchange().expectStatus().isCreated();
        post("/api/items", key, "{\"email\":\"b@shop.test\"}").exchange()
            .expectStatus()
            .isEqualTo(422)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/items/other", key, JSON).exchange().expectStatus().isEqualTo(422);
        post("/api/items?x=1", key, JSON).exchange().expectStatus().isEqualTo(422);
        assertThat(IdempotencyTestApp.calls("create")).isEqualTo(1);
    }

    @Test
    void answers409WhileInFlightAnd422ForDifferentRequest() throws Exception {
        Sinks.Empty<Void> gate = Sinks.empty();
        IdempotencyTestApp.gate.set(gate);
        String key = key();
        CompletableFuture<EntityExchangeResult<byte[]>> first = CompletableFuture
            .supplyAsync(() -> post("/api/slow", key, JSON).exchange().expectBody().returnResult());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> IdempotencyTestApp.calls("slow") == 1);

        post("/api/slow", key, JSON).exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .valueEquals(HttpHeaders.RETRY_AFTER, "1")
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/slow", key, "{\"other\":true}").exchange().expectStatus().isEqualTo(422);

        gate.tryEmitEmpty();
        EntityExchangeResult<byte[]> original = first.get(20, TimeUnit.SECONDS);
        assertThat(original.getStatus().value()).isEqualTo(201);
        byte[] replayed = post("/api/slow", key, JSON).exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(IdempotencyHandler.REPLAYED_HEADER, "true")
            .expectBody()
            .returnResult()
            .getResponseBody();
        assertThat(replayed).isEqualTo(original.getResponseBody());
        assertThat(IdempotencyTestApp.calls("slow")).isEqualTo(1);
    }

    @Test
    void scopesKeysPerPrincipal() {
        String key = key();
        String otherToken = tokens.user(UUID.randomUUID());
        byte[] mine = post("/api/items", key, JSON).exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody();
        byte[] theirs = client.post().uri("/api/items").headers(h -> {
            h.setBearerAuth(otherToken);
            h.set("Idempotency-Key", key);
        })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(JSON)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .doesNotExist(IdempotencyHandler.REPLAYED_HEADER)
            .expectBody()
            .returnResult()
            .getResponseBody();
        assertThat(theirs).isNotEqualTo(mine);
        assertThat(IdempotencyTestApp.calls("create")).isEqualTo(2);
    }

    @Test
    void executesOnceUnderOneHundredConcurrentDuplicates() {
        String key = key();
        List<EntityExchangeResult<byte[]>> results = Flux.range(0, 100)
            .parallel(100)
            .runOn(Schedulers.boundedElastic())
            .map(i -> post("/api/delayed", key, JSON).exchange().expectBody().returnResult())
            .sequential()
            .collectList()
            .block(Duration.ofSeconds(60));
        assertThat(results).hasSize(100);
        assertThat(IdempotencyTestApp.calls("delayed")).isEqualTo(1);
        long originals = results.stream()
            .filter(r -> r.getStatus().value() == 201
                    && r.getResponseHeaders().getFirst(IdempotencyHandler.REPLAYED_HEADER) == null)
            .count();
        assertThat(originals).isEqualTo(1);
        byte[] original = results.stream()
            .filter(r -> r.getStatus().value() == 201)
            .findFirst()
            .orElseThrow()
            .getResponseBody();
        assertThat(results).allSatisfy(r -> {
            if (r.getStatus().value() == 409) {
                assertThat(r.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            }
            else {
                assertThat(r.getStatus().value()).isEqualTo(201);
                assertThat(r.getResponseBody()).isEqualTo(original);
            }
        });
    }

    @Test
    void doesNotStoreServerErrorsSoRetriesExecuteAgain() {
        String key = key();
        post("/api/status/500", key, JSON).exchange().expectStatus().isEqualTo(500);
        post("/api/status/500", key, JSON).exchange()
            .expectStatus()
            .isEqualTo(500)
            .expectHeader()
            .doesNotExist(IdempotencyHandler.REPLAYED_HEADER);
        assertThat(IdempotencyTestApp.calls("status500")).isEqualTo(2);

        String errorKey = key();
        post("/api/error", errorKey, JSON).exchange().expectStatus().isEqualTo(500);
        post("/api/error", errorKey, JSON).exchange().expectStatus().isEqualTo(500);
        assertThat(IdempotencyTestApp.calls("error")).isEqualTo(2);
    }

    @Test
    void storesClientErrorsButNotTransientOnes() {
        String key = key();
        post("/api/status/400", key, JSON).exchange().expectStatus().isBadRequest();
        post("/api/status/400", key, JSON).exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .valueEquals(IdempotencyHandler.REPLAYED_HEADER, "true");
        assertThat(IdempotencyTestApp.calls("status400")).isEqualTo(1);
        for (int status : new int[] { 408, 409, 425, 429 }) {
            String k = key();
            post("/api/status/" + status, k, JSON).exchange().expectStatus().isEqualTo(status);
            post("/api/status/" + status, k, JSON).exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .doesNotExist(IdempotencyHandler.REPLAYED_HEADER);
            assertThat(IdempotencyTestApp.calls("status" + status)).as("" + status).isEqualTo(2);
        }
    }

    @Test
    void replaysEmptyResponses() {
        String key = key();
        client.post().uri("/api/empty").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key);
        }).exchange().expectStatus().isNoContent();
        client.post().uri("/api/empty").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key);
        })
            .exchange()
            .expectStatus()
            .isNoContent()
            .expectHeader()
            .valueEquals(IdempotencyHandler.REPLAYED_HEADER, "true")
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"e\"");
        assertThat(IdempotencyTestApp.calls("empty")).isEqualTo(1);
    }

    @Test
    void answers413ForBodiesOverOneMebibyteBeforeAnyLock() {
        String key = key();
        String big = "x".repeat(1024 * 1024 + 1);
        post("/api/items", key, big).exchange()
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // chunked, without Content-Length
        client.post().uri("/api/items").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key);
        })
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .body(Flux.range(0, 3).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[512 * 1024])),
                    DataBuffer.class)
            .exchange()
            .expectStatus()
            .isEqualTo(413);
        assertThat(IdempotencyTestApp.calls("create")).isZero();
        // the key was never claimed: a normal request with it executes
        post("/api/items", key, "x".repeat(1024 * 1024 - 100)).exchange().expectStatus().isCreated();
        assertThat(IdempotencyTestApp.calls("create")).isEqualTo(1);
    }

    @Test
    void answers400ForMalformedRepeatedOrConflictingKeys() {
        for (String bad : List.of("", "a b", "a/b", "k".repeat(256), "a, b", "\"unterminated")) {
            post("/api/items", bad, JSON).exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client.post().uri("/api/items").headers(h -> {
            h.setBearerAuth(token);
            h.add("Idempotency-Key", "one");
            h.add("Idempotency-Key", "one");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(JSON).exchange().expectStatus().isBadRequest();
        client.post().uri("/api/items").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", "one");
            h.set("X-Idempotency-Key", "two");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(JSON).exchange().expectStatus().isBadRequest();
        assertThat(IdempotencyTestApp.calls("create")).isZero();
    }

    @Test
    void requiresKeyOnRequiredRoutesOnly() {
        post("/api/orders", null, JSON).exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .valueEquals(HttpHeaders.LINK, "<https://docs.shop.test/idempotency>; rel=\"describedby\"")
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(IdempotencyTestApp.calls("create")).isZero();
        post("/api/items", null, JSON).exchange().expectStatus().isCreated();
        post("/api/items", null, JSON).exchange().expectStatus().isCreated();
        assertThat(IdempotencyTestApp.calls("create")).isEqualTo(2);
    }

    @Test
    void authenticationComesBeforeKeyChecks() {
        client.post()
            .uri("/api/orders")
            .header("Idempotency-Key", "a b")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(JSON)
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void ignoresKeysOnGetPutAndDelete() {
        String key = key();
        for (int i = 0; i < 2; i++) {
            client.get().uri("/api/items").headers(h -> {
                h.setBearerAuth(token);
                h.set("Idempotency-Key", key);
            }).exchange().expectStatus().isOk().expectHeader().doesNotExist(IdempotencyHandler.REPLAYED_HEADER);
            client.put().uri("/api/items/1").headers(h -> {
                h.setBearerAuth(token);
                h.set("Idempotency-Key", key);
            })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(IdempotencyHandler.REPLAYED_HEADER);
            client.delete().uri("/api/items/1").headers(h -> {
                h.setBearerAuth(token);
                h.set("Idempotency-Key", "not valid but ignored");
            }).exchange().expectStatus().isNoContent();
        }
        assertThat(IdempotencyTestApp.calls("get")).isEqualTo(2);
        assertThat(IdempotencyTestApp.calls("put")).isEqualTo(2);
        assertThat(IdempotencyTestApp.calls("delete")).isEqualTo(2);
    }

    @Test
    void failsClosedWhenRedisIsDownAndRecovers() {
        Assumptions.assumeTrue(TestInfra.redisIsEmbedded());
        String key = key();
        TestInfra.stopRedis();
        try {
            post("/api/items", key, JSON).exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            post("/api/orders", null, JSON).exchange().expectStatus().isBadRequest();
            assertThat(IdempotencyTestApp.calls("create")).isZero();
            post("/api/items", null, JSON).exchange().expectStatus().isCreated();
            assertThat(IdempotencyTestApp.calls("create")).isEqualTo(1);
        }
        finally {
            TestInfra.startRedis();
        }
        Awaitility.await()
            .atMost(Duration.ofSeconds(40))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> post("/api/items", key, JSON).exchange().expectStatus().isCreated());
        assertThat(IdempotencyTestApp.calls("create")).isEqualTo(2);
    }

}
