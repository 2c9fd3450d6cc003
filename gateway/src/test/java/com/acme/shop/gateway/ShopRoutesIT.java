package com.acme.shop.gateway;

import java.util.UUID;

import com.acme.shop.common.idempotency.IdempotencyKeys;
import com.acme.shop.common.idempotency.RedisIdempotencyStore;
import com.acme.shop.common.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's routes: the catalog's GETs are public and its writes need a token; the
 * checkout ({@code POST /api/orders}) bypasses the gateway's idempotency store (order is
 * exactly-once itself and the body holds the card), while the order service's other POSTs
 * keep it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ShopRoutesIT {

    static final TestTokens TOKENS = TestTokens.create();

    @RegisterExtension
    static final FakeUpstream UPSTREAM = new FakeUpstream(TOKENS.jwksJson());

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    WebTestClient client;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAM.register(registry, "AUTH_SERVER_URL", "PRODUCT_SERVER_URL", "ORDER_SERVER_URL");
        registry.add("MEMBER_SERVER_URL", () -> "http://127.0.0.1:1");
        registry.add("BFF_SERVER_URL", () -> "http://127.0.0.1:1");
    }

    @BeforeEach
    void setUp() {
        client = FakeUpstream.gatewayClient(port);
    }

    @Test
    void browsingProductsNeedsNoTokenButChangingThemDoes() {
        client.get().uri("/api/products?q=mug").exchange().expectStatus().isOk();
        client.get().uri("/api/products/" + UUID.randomUUID()).exchange().expectStatus().isOk();
        assertThat(UPSTREAM.received("GET", "/api/products")).hasSize(1);
        client.post()
            .uri("/api/products")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isUnauthorized();
        client.put()
            .uri("/api/products/" + UUID.randomUUID())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isUnauthorized();
        client.delete().uri("/api/products/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        assertThat(UPSTREAM.received("POST", "/api/products")).isEmpty();
        client.post()
            .uri("/api/products")
            .headers(h -> h.setBearerAuth(TOKENS.admin(UUID.randomUUID().toString())))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk();
        assertThat(UPSTREAM.received("POST", "/api/products")).hasSize(1);
    }

    @Test
    void cartAndOrdersNeedAToken() {
        client.get().uri("/api/cart").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/orders").exchange().expectStatus().isUnauthorized();
        client.post()
            .uri("/api/orders")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isUnauthorized();
        String token = TOKENS.user(UUID.randomUUID().toString());
        client.get().uri("/api/cart").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        assertThat(UPSTREAM.received("GET", "/api/cart")).hasSize(1);
    }

    @Test
    void checkoutIsNotStoredOrReplayedByTheGatewaySoEveryRepeatReachesOrder() {
        String user = UUID.randomUUID().toString();
        String token = TOKENS.user(user);
        String key = UUID.randomUUID().toString();
        String body = "{\"card\":{\"number\":\"4242424242424242\",\"expiry\":\"12/40\",\"cvc\":\"123\"}}";
        for (int i = 0; i < 2; i++) {
            client.post()
                .uri("/api/orders")
                .headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed");
        }
        assertThat(UPSTREAM.received("POST", "/api/orders")).hasSize(2)
            .allSatisfy(request -> assertThat(request.headers()).containsEntry("Idempotency-Key", key));
        assertThat(redis.hasKey(record(user, key)).block()).isFalse();
    }

    @Test
    void otherOrderPostsKeepTheGatewaysIdempotency() {
        String user = UUID.randomUUID().toString();
        String token = TOKENS.user(user);
        String key = UUID.randomUUID().toString();
        String path = "/api/orders/" + UUID.randomUUID() + "/cancel";
        for (int i = 0; i < 2; i++) {
            client.post()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus()
                .isOk();
        }
        assertThat(UPSTREAM.received("POST", path)).hasSize(1);
        assertThat(redis.hasKey(record(user, key)).block()).isTrue();
    }

    /** The gateway's Redis record of a key (tenant "gateway", the token's subject). */
    private static String record(String subject, String key) {
        return RedisIdempotencyStore.KEY_PREFIX + IdempotencyKeys.scope("gateway", subject, key);
    }

}
