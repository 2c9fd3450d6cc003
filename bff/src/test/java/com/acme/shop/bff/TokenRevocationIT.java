package com.acme.shop.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.TestInfra;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The bff checks the token denylist itself (rules B13), so a logged-out token is refused
 * even when it reaches the bff without passing the gateway; without Redis it fails closed
 * (503), and recovers when Redis is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenRevocationIT {

    @RegisterExtension
    static final StubDownstreams stubs = new StubDownstreams();

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    WebTestClient client;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        stubs.register(registry);
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
    }

    @Test
    void refusesADenylistedTokenWith401InvalidToken() {
        String token = stubs.userToken();
        client.get().uri("/api/home").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();

        redis.opsForValue()
            .set("deny:" + TestTokens.ISSUER + ":" + TestTokens.jti(token), "1", Duration.ofMinutes(10))
            .block(Duration.ofSeconds(5));

        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .value(HttpHeaders.WWW_AUTHENTICATE,
                    value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
        // another token of the same user is unaffected
        client.get().uri("/api/home").headers(h -> h.setBearerAuth(stubs.userToken())).exchange().expectStatus().isOk();
    }

    @Test
    void failsClosedWith503WhileRedisIsDownAndRecovers() {
        assumeTrue(TestInfra.redisIsEmbedded(), "Redis is external; it cannot be stopped by the tests");
        String token = stubs.userToken();
        TestInfra.stopRedis();
        try {
            // the revocation replica learns of the lost connection a moment after Redis
            // is gone, so the very first request may still be answered from it
            await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> client.get()
                    .uri("/api/home")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(503));
        }
        finally {
            TestInfra.startRedis();
        }
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> client.get()
                .uri("/api/home")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk());
    }

}
