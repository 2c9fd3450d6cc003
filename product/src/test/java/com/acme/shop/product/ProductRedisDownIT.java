package com.acme.shop.product;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.shop.infra.TestInfra;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Redis holds the token denylist and idempotency records: without it, calls with a token
 * fail closed (503, B13, A13), while browsing the catalog needs neither and keeps
 * working.
 */
class ProductRedisDownIT extends ProductServerTestSupport {

    @Test
    void keepsTheCatalogReadableAndFailsClosedForTokensWhileRedisIsDown() {
        assumeTrue(TestInfra.redisIsEmbedded(), "Redis is external; it cannot be stopped by the tests");
        UUID id = createProduct("Redis Outage", 100, 3);
        String admin = adminToken();
        Map<String, Object> body = productBody("During Outage", 100, 1);
        TestInfra.stopRedis();
        try {
            http.get().uri("/api/products/{id}", id).exchange().expectStatus().isOk();
            http.get().uri("/api/products").exchange().expectStatus().isOk();
            http.post()
                .uri("/api/products")
                .headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
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
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> http.post()
                .uri("/api/products")
                .headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated());
    }

}
