package com.acme.shop.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.shop.infra.EmbeddedPostgresServer;
import com.acme.shop.infra.FreePorts;
import com.acme.shop.infra.PostgresConnection;
import com.acme.shop.infra.TestInfra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * PostgreSQL stopped under a running product service (its own server, so other tests are
 * not disturbed): the catalog and the reservations answer 503 problem+json with
 * {@code Retry-After} within seconds, never 500, and nothing is reserved; once the server
 * is back the same service answers again without a restart. Runs with the shipped pool
 * timeouts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductDatabaseDownIT {

    static final Path DATA_DIR = tempDir();

    static final int PG_PORT = FreePorts.find();

    static EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(DATA_DIR, PG_PORT);

    /**
     * A dependency failure must be answered within this (the pool's timeouts are 3 s, the
     * query bound 5 s).
     */
    static final Duration FAIL_FAST = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    WebTestClient http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        PostgresConnection pg = postgres.connection();
        registry.add("spring.r2dbc.url", pg::r2dbcUrl);
        registry.add("spring.r2dbc.username", pg::user);
        registry.add("spring.r2dbc.password", pg::password);
        registry.add("spring.flyway.url", pg::jdbcUrl);
        registry.add("spring.flyway.user", pg::user);
        registry.add("spring.flyway.password", pg::password);
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.jwks-uri", () -> ProductTokens.tokens().jwksUri());
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    @Test
    void answers503WithRetryAfterWhileThePostgresServerIsDownAndRecoversWithoutARestart() {
        Map<String, Object> product = http.post()
            .uri("/api/products")
            .headers(h -> h.setBearerAuth(ProductTokens.admin()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(ProductServerTestSupport.productBody("Outage", 100, 5))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
            })
            .returnResult()
            .getResponseBody();
        UUID id = UUID.fromString((String) product.get("id"));
        UUID orderId = UUID.randomUUID();

        postgres.close();
        try {
            expectUnavailable(() -> http.get().uri("/api/products").exchange());
            expectUnavailable(() -> http.get().uri("/api/products/{id}", id).exchange());
            expectUnavailable(() -> reserve(orderId, id));
        }
        finally {
            postgres = EmbeddedPostgresServer.start(DATA_DIR, PG_PORT);
        }

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> http.get().uri("/api/products/{id}", id).exchange().expectStatus().isOk());
        http.get()
            .uri("/api/products/{id}", id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.stock")
            .isEqualTo(5);
        // the failed attempt reserved nothing; the retry with the same order id does,
        // once
        reserve(orderId, id).expectStatus().isCreated();
        reserve(orderId, id).expectStatus().isOk();
        http.get().uri("/api/products/{id}", id).exchange().expectBody().jsonPath("$.stock").isEqualTo(4);
    }

    private WebTestClient.ResponseSpec reserve(UUID orderId, UUID productId) {
        return http.post()
            .uri("/internal/reservations")
            .headers(h -> h.setBearerAuth(ProductTokens.service()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(ReservationIT.reservation(orderId, Map.of(productId, 1)))
            .exchange();
    }

    private void expectUnavailable(Supplier<WebTestClient.ResponseSpec> call) {
        long started = System.nanoTime();
        WebTestClient.ResponseSpec response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        response.expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals(HttpHeaders.RETRY_AFTER, "5");
        assertThat(took).isLessThan(FAIL_FAST);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("product-pg-down");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
