package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.PostgresConnection;
import com.acme.shop.infra.TestInfra;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the database-outage tests share: their own PostgreSQL wiring, the 503 they expect,
 * a create call.
 */
final class DatabaseOutages {

    private DatabaseOutages() {
    }

    /** member reads and writes through {@code r2dbc}; Flyway migrates {@code direct}. */
    static void register(DynamicPropertyRegistry registry, PostgresConnection r2dbc, PostgresConnection direct,
            TestTokens tokens) {
        registry.add("spring.r2dbc.url", r2dbc::r2dbcUrl);
        registry.add("spring.r2dbc.username", direct::user);
        registry.add("spring.r2dbc.password", direct::password);
        registry.add("spring.flyway.url", direct::jdbcUrl);
        registry.add("spring.flyway.user", direct::user);
        registry.add("spring.flyway.password", direct::password);
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.jwks-uri", tokens::jwksUri);
    }

    /**
     * The call answers 503 problem+json with {@code Retry-After: 5} within {@code limit};
     * returns how long it took.
     */
    static Duration expectUnavailableWithin(Duration limit, Supplier<WebTestClient.ResponseSpec> call) {
        long started = System.nanoTime();
        WebTestClient.ResponseSpec response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        response.expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals(HttpHeaders.RETRY_AFTER, "5")
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(503);
        assertThat(took).isLessThan(limit);
        return took;
    }

    /**
     * {@code POST /api/members}, with an idempotency key when {@code key} is not null.
     */
    static WebTestClient.ResponseSpec create(WebTestClient http, String token, String key, String email, String name) {
        return http.post().uri("/api/members").headers(h -> {
            h.setBearerAuth(token);
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(new MemberForm(email, name, null)).exchange();
    }

}
