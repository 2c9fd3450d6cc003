package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.EmbeddedPostgresServer;
import com.acme.shop.infra.FreePorts;
import com.acme.shop.infra.PostgresConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * PostgreSQL stopped under a running member service (its own server, so other tests are
 * not disturbed): reads and writes answer 503 problem+json with {@code Retry-After}
 * within seconds, never 500; once the server is back the same service answers 200/201
 * again without a restart. Runs with the shipped pool timeouts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberDatabaseDownIT {

    static final TestTokens TOKENS = TestTokens.shared();
    static final Path DATA_DIR = tempDir();
    static final int PG_PORT = FreePorts.find();
    static EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(DATA_DIR, PG_PORT);

    /**
     * A dependency failure must be answered within this (the pool's connect/acquire
     * timeouts are 3 s).
     */
    static final Duration FAIL_FAST = Duration.ofSeconds(8);

    @LocalServerPort
    int port;

    WebTestClient http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        PostgresConnection pg = postgres.connection();
        DatabaseOutages.register(registry, pg, pg, TOKENS);
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
        String admin = TOKENS.admin(UUID.randomUUID());
        Member existing = create(admin, null, uniqueEmail("before")).expectStatus()
            .isCreated()
            .expectBody(Member.class)
            .returnResult()
            .getResponseBody();
        String key = UUID.randomUUID().toString();
        String keyedEmail = uniqueEmail("keyed");

        postgres.close();
        try {
            expectUnavailable(() -> http.get().uri("/api/members").headers(h -> h.setBearerAuth(admin)).exchange());
            expectUnavailable(() -> http.get()
                .uri("/api/members/{id}", existing.id())
                .headers(h -> h.setBearerAuth(admin))
                .exchange());
            expectUnavailable(() -> create(admin, null, uniqueEmail("unkeyed")));
            expectUnavailable(() -> create(admin, key, keyedEmail));
        }
        finally {
            postgres = EmbeddedPostgresServer.start(DATA_DIR, PG_PORT);
        }

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> http.get()
                .uri("/api/members")
                .headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk());
        http.get()
            .uri("/api/members/{id}", existing.id())
            .headers(h -> h.setBearerAuth(admin))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.email")
            .isEqualTo(existing.email());
        create(admin, null, uniqueEmail("after")).expectStatus().isCreated();
        // the failed keyed attempt was not stored: the same key executes now
        create(admin, key, keyedEmail).expectStatus()
            .isCreated()
            .expectHeader()
            .value("Idempotent-Replayed", value -> assertThat(value).isIn(null, "false"));
    }

    private void expectUnavailable(Supplier<WebTestClient.ResponseSpec> call) {
        DatabaseOutages.expectUnavailableWithin(FAIL_FAST, call);
    }

    private WebTestClient.ResponseSpec create(String token, String key, String email) {
        return DatabaseOutages.create(http, token, key, email, "Down Test");
    }

    private static String uniqueEmail(String local) {
        return local + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("member-pg-down");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
