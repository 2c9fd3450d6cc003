package com.acme.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Both gateway filters switched off by configuration: the gateway is then a plain router.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "TOKEN_VALIDATION_ENABLED=false", "IDEMPOTENCY_ENABLED=false" })
class FilterTogglesIT {

    @RegisterExtension
    static final FakeUpstream UPSTREAM = new FakeUpstream();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAM.register(registry, "AUTH_SERVER_URL", "MEMBER_SERVER_URL", "BFF_SERVER_URL");
    }

    @BeforeEach
    void setUp() {
        client = FakeUpstream.gatewayClient(port);
    }

    @Test
    void tokenValidationOffLetsRequestsWithoutTokenThrough() {
        client.get().uri("/api/home").exchange().expectStatus().isOk();
        assertThat(UPSTREAM.received("GET", "/api/home")).hasSize(1);
    }

    @Test
    void idempotencyOffForwardsEveryKeyedRequest() {
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            client.post()
                .uri("/api/members")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed");
        }
        assertThat(UPSTREAM.received("POST", "/api/members")).hasSize(2)
            .allSatisfy(r -> assertThat(r.headers()).containsEntry("Idempotency-Key", key));
    }

    @Test
    void bodyLimitStillApplies() {
        client.put()
            .uri("/api/members/1")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new byte[1024 * 1024 + 1])
            .exchange()
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

}
