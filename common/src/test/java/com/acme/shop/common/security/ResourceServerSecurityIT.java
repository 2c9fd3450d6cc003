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

    /**
     * The strict firewall ({@link FirewallRules}) still refuses a control character in a
     * header that is read (here the token's), and still lets Latin-1 text through. Sent
     * over a raw socket: HTTP clients refuse to send such a byte.
     */
    @Test
    void aControlCharacterInAHeaderIsRefusedWith400NotAnError() throws Exception {
        String token = tokens.user(UUID.randomUUID().toString());
        assertThat(rawGet("/api/me", "Authorization: Bearer " + token + "\r\nX-Note: caf\u00e9"))
            .startsWith("HTTP/1.1 200");
        // reading a header the request does not have is not a refusal
        assertThat(rawGet("/api/absent-header", "Authorization: Bearer " + token)).startsWith("HTTP/1.1 200");
        // U+0085 (NEL), a C1 control: Netty lets the byte through as obs-text, the
        // firewall does not
        String refused = rawGet("/api/me", "Authorization: Bearer " + token + "\u0085");
        assertThat(refused).startsWith("HTTP/1.1 400")
            .containsIgnoringCase("content-type: application/problem+json")
            .contains(FirewallRules.REJECTED_DETAIL)
            .doesNotContain(token);
        assertThat(rawGet("/api/me", "Authorization\u0085: Bearer " + token)).matches("(?s)HTTP/1.1 (400|401).*");
    }

    private String rawGet(String path, String headers) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
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

    /**
     * Every check is counted once, by outcome and reason; the client sees the same 401
     * whatever the reason.
     */
    @Test
    void countsEveryTokenCheckByOutcomeAndReason() {
        String revokedJti = UUID.randomUUID().toString();
        redis.opsForValue()
            .set("deny:shop-auth:" + revokedJti, "1", Duration.ofMinutes(2))
            .block(Duration.ofSeconds(5));
        String signedByAnotherKey = tokens.token().signWith(TestTokens.newEcKeyPair());
        String tampered = TestTokens.tamper(tokens.user(), payload -> payload.replace("USER", "ADMIN"));
        java.util.Map<String, String> expectations = new java.util.LinkedHashMap<>();
        expectations.put("accepted/none", tokens.user());
        expectations.put("rejected/expired", tokens.token().expired().sign());
        expectations.put("rejected/claims", tokens.token().audiences("shop-other").sign());
        expectations.put("rejected/signature", signedByAnotherKey);
        expectations.put("rejected/revoked", tokens.token().jti(revokedJti).sign());
        expectations.put("rejected/malformed", "not.a.jwt");
        for (var expectation : expectations.entrySet()) {
            String[] tags = expectation.getKey().split("/");
            double before = validations(tags[0], tags[1]);
            client.get()
                .uri("/api/me")
                .headers(h -> h.setBearerAuth(expectation.getValue()))
                .exchange()
                .expectStatus()
                .isEqualTo(tags[0].equals("accepted") ? 200 : 401);
            assertThat(validations(tags[0], tags[1])).as(expectation.getKey()).isEqualTo(before + 1);
        }
        double tamperedBefore = validations("rejected", "signature");
        client.get().uri("/api/me").headers(h -> h.setBearerAuth(tampered)).exchange().expectStatus().isUnauthorized();
        assertThat(validations("rejected", "signature")).isEqualTo(tamperedBefore + 1);
        double missingBefore = validations("rejected", "missing");
        client.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        assertThat(validations("rejected", "missing")).isEqualTo(missingBefore + 1);
        double malformedBefore = validations("rejected", "malformed");
        client.get()
            .uri("/api/me")
            .header(HttpHeaders.AUTHORIZATION, "Bearer a b")
            .exchange()
            .expectStatus()
            .isUnauthorized();
        assertThat(validations("rejected", "malformed")).isEqualTo(malformedBefore + 1);
        // public paths are not token checks
        double total = SecurityTestApp.METERS.get(SecurityTestApp.VALIDATIONS)
            .counters()
            .stream()
            .mapToDouble(io.micrometer.core.instrument.Counter::count)
            .sum();
        client.get().uri("/health").exchange().expectStatus().isOk();
        assertThat(SecurityTestApp.METERS.get(SecurityTestApp.VALIDATIONS)
            .counters()
            .stream()
            .mapToDouble(io.micrometer.core.instrument.Counter::count)
            .sum()).isEqualTo(total);
    }

    private static double validations(String outcome, String reason) {
        return SecurityTestApp.METERS.get(SecurityTestApp.VALIDATIONS)
            .tag("outcome", outcome)
            .tag("reason", reason)
            .counter()
            .count();
    }

    @Test
    void answers503WhenDenylistIsUnreachable() {
        Assumptions.assumeTrue(TestInfra.redisIsEmbedded());
        String token = tokens.user();
        TestInfra.stopRedis();
        try {
            // the revocation replica learns of the lost connection a moment after Redis
            // is gone, so the very first request may still be answered from it
            Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> client.get()
                    .uri("/api/me")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
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
