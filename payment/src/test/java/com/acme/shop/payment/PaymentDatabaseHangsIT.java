package com.acme.shop.payment;

import com.acme.shop.common.testing.FreezableTcpProxy;
import java.time.Duration;
import java.util.UUID;

import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.EmbeddedPostgresServer;
import com.acme.shop.infra.PostgresConnection;
import com.acme.shop.infra.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops answering (a frozen proxy between payment and its own server): charges
 * and lookups answer 503 with {@code Retry-After} within seconds instead of hanging; once
 * the database answers again, retrying the charge gives one payment for the order, never
 * two (the statement held back by the freeze may still have run: then the retry gets it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentDatabaseHangsIT {

    static final TestTokens TOKENS = PaymentServerTestSupport.TOKENS;

    static final EmbeddedPostgresServer POSTGRES = EmbeddedPostgresServer.start(null, 0);

    static final FreezableTcpProxy PROXY = new FreezableTcpProxy("127.0.0.1", POSTGRES.port());

    /** db-timeout (5 s) plus scheduling slack on a busy machine. */
    static final Duration FAIL_FAST = Duration.ofSeconds(9);

    @LocalServerPort
    int port;

    WebTestClient http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        PostgresConnection direct = POSTGRES.connection();
        PostgresConnection viaProxy = new PostgresConnection("127.0.0.1", PROXY.port(), direct.database(),
                direct.user(), direct.password());
        registry.add("spring.r2dbc.url", viaProxy::r2dbcUrl);
        registry.add("spring.r2dbc.username", direct::user);
        registry.add("spring.r2dbc.password", direct::password);
        registry.add("spring.flyway.url", direct::jdbcUrl);
        registry.add("spring.flyway.user", direct::user);
        registry.add("spring.flyway.password", direct::password);
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.jwks-uri", TOKENS::jwksUri);
        registry.add("shop.payment.key-dir", () -> "");
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
    void answers503WithinSecondsWhileTheDatabaseHangsAndChargesOnceAfterwards() {
        UUID paid = UUID.randomUUID();
        charge(paid).expectStatus().isCreated();
        UUID orderId = UUID.randomUUID();

        PROXY.freeze();
        try {
            expectUnavailableFast(() -> charge(orderId));
            expectUnavailableFast(() -> http.get()
                .uri(PaymentServerTestSupport.PAYMENTS + "?orderId={orderId}", paid)
                .headers(h -> h.setBearerAuth(PaymentServerTestSupport.serviceToken()))
                .exchange());
        }
        finally {
            PROXY.resume();
        }

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> charge(orderId).expectStatus().isCreated());
        charge(orderId).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(countPayments(orderId)).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec charge(UUID orderId) {
        return http.post()
            .uri(PaymentServerTestSupport.PAYMENTS)
            .headers(h -> h.setBearerAuth(PaymentServerTestSupport.serviceToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(PaymentServerTestSupport.charge(orderId, 1999, "4242424242424242"))
            .exchange();
    }

    private void expectUnavailableFast(java.util.function.Supplier<WebTestClient.ResponseSpec> call) {
        long started = System.nanoTime();
        WebTestClient.ResponseSpec response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        response.expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .exists(HttpHeaders.RETRY_AFTER);
        assertThat(took).isLessThan(FAIL_FAST);
        System.out.println("database hanging: 503 after " + took.toMillis() + " ms");
    }

    private static long countPayments(UUID orderId) {
        PostgresConnection pg = POSTGRES.connection();
        try (var connection = java.sql.DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                var statement = connection
                    .prepareStatement("SELECT count(*) FROM payment.payments WHERE order_id = ?")) {
            statement.setObject(1, orderId);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
