package com.acme.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

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
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * B2, B8, B9, B13 over real HTTP through {@link ResourceServerSecurity} and the
 * auto-configured decoder.
 */
@SpringBootTest(classes = SecurityTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerSecurityIT {

    static final String AUDIENCE = "shop-test";

    static final TestTokens tokens = TestTokens.builder().audiences("shop-gateway", AUDIENCE).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.data.redis.timeout", () -> "1s");
        registry.add("shop.jwt.audience", () -> AUDIENCE);
        registry.add("shop.jwt.jwks-uri", tokens::jwksUri);
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @Test
    void answers401BearerWithoutErrorCodeWhenNoCredentials() {
        client.get()
            .uri("/api/me")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(401);
    }

    @Test
    void answers401BearerForOtherSchemes() {
        client.get()
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void acceptsValidTokenAndExposesCurrentUser() {
        String subject = UUID.randomUUID().toString();
        client.get()
            .uri("/api/me")
            .headers(h -> h.setBearerAuth(tokens.user(subject)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.id")
            .isEqualTo(subject)
            .jsonPath("$.email")
            .isEqualTo("user@shop.test")
            .jsonPath("$.roles[0]")
            .isEqualTo("USER");
    }

    @Test
    void answersInvalidTokenWithTheSameBodyWhateverFailed() {
        byte[] garbage = client.get()
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .returnResult()
            .getResponseBody();
        String wrongIssuer = tokens.token().issuer("other").sign();
        byte[] issuer = client.get()
            .uri("/api/me")
            .headers(h -> h.setBearerAuth(wrongIssuer))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
            .expectBody()
            .returnResult()
            .getResponseBody();
        assertThat(new String(issuer)).isEqualTo(new String(garbage));
    }

    @Test
    void ignoresAccessTokenQueryParameter() {
        client.get()
            .uri("/api/me?access_token=" + tokens.user())
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void ignoresAccessTokenFormParameter() {
        client.post()
            .uri("/api/me")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("access_token", tokens.user()))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void answers403InsufficientScopeForMissingRole() {
        client.get()
            .uri("/api/admin")
            .headers(h -> h.setBearerAuth(tokens.user()))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(403);
        client.get()
            .uri("/api/admin")
            .headers(h -> h.setBearerAuth(tokens.admin(UUID.randomUUID())))
            .exchange()
            .expectStatus()
            .isOk();
    }

    @Test
    void rejectsDenylistedToken() {
        String jti = UUID.randomUUID().toString();
        String token = tokens.token().jti(jti).sign();
        client.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        redis.opsForValue().set("deny:shop-auth:" + jti, "1", Duration.ofMinutes(2)).block(Duration.ofSeconds(5));
        client.get()
            .uri("/api/me")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }

    @Test
    void answers503WhenDenylistIsUnreachable() {
        Assumptions.assumeTrue(TestInfra.redisIsEmbedded());
        String token = tokens.user();
        TestInfra.stopRedis();
        try {
            client.get()
                .uri("/api/me")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            client.get().uri("/health").exchange().expectStatus().isOk();
        }
        finally {
            TestInfra.startRedis();
        }
        Awaitility.await()
            .atMost(Duration.ofSeconds(40))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> client.get()
                .uri("/api/me")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk());
    }

}
