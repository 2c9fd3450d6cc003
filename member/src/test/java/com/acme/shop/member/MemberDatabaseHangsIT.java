package com.acme.shop.member;

import com.acme.shop.common.testing.FreezableTcpProxy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.EmbeddedPostgresServer;
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
 * PostgreSQL stops answering without closing anything (a hung server, a network dropping
 * packets: here a frozen proxy between member and its own server). With the shipped
 * timeouts ({@code DB_QUERY_TIMEOUT=5s}, pool acquire and connect 3 s) requests answer
 * 503 with {@code Retry-After} within seconds instead of hanging, and work again once the
 * database answers, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberDatabaseHangsIT {

    static final TestTokens TOKENS = TestTokens.shared();
    static final EmbeddedPostgresServer POSTGRES = EmbeddedPostgresServer.start(null, 0);
    static final FreezableTcpProxy PROXY = new FreezableTcpProxy("127.0.0.1", POSTGRES.port());

    /** db-timeout (5 s) plus scheduling slack on a busy machine. */
    static final Duration FAIL_FAST = Duration.ofSeconds(9);

    @LocalServerPort
    int port;

    WebTestClient http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        PostgresConnection pg = POSTGRES.connection();
        PostgresConnection viaProxy = new PostgresConnection("127.0.0.1", PROXY.port(), pg.database(), pg.user(),
                pg.password());
        DatabaseOutages.register(registry, viaProxy, pg, TOKENS);
    }

    @AfterAll
    static void stop() {
        PROXY.close();
        POSTGRES.close();
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(60))
            .build();
    }

    @Test
    void answers503WithinSecondsWhileTheDatabaseHangsAndRecoversWhenItAnswersAgain() {
        String admin = TOKENS.admin(UUID.randomUUID());
        Member existing = create(admin, null).expectStatus()
            .isCreated()
            .expectBody(Member.class)
            .returnResult()
            .getResponseBody();
        String key = UUID.randomUUID().toString();

        PROXY.freeze();
        try {
            expectUnavailableFast(() -> http.get().uri("/api/members").headers(h -> h.setBearerAuth(admin)).exchange());
            expectUnavailableFast(() -> http.get()
                .uri("/api/members/{id}", existing.id())
                .headers(h -> h.setBearerAuth(admin))
                .exchange());
            expectUnavailableFast(() -> create(admin, key));
        }
        finally {
            PROXY.resume();
        }

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> http.get()
                .uri("/api/members/{id}", existing.id())
                .headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk());
        http.get().uri("/api/members").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk();
        create(admin, key).expectStatus().isCreated();
    }

    private void expectUnavailableFast(Supplier<WebTestClient.ResponseSpec> call) {
        Duration took = DatabaseOutages.expectUnavailableWithin(FAIL_FAST, call);
        System.out.println("database hanging: 503 after " + took.toMillis() + " ms");
    }

    private WebTestClient.ResponseSpec create(String token, String key) {
        return DatabaseOutages.create(http, token, key,
                "hang." + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "Hang Test");
    }

}
