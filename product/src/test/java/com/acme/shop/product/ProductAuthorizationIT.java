package com.acme.shop.product;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.common.testing.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Anonymous reads, ADMIN writes, SERVICE-only internal API, and tokens for other
 * audiences refused.
 */
class ProductAuthorizationIT extends ProductServerTestSupport {

    @Test
    void anyoneReadsTheCatalogWithoutAToken() {
        UUID id = createProduct("Public Read", 100, 1);

        http.get().uri("/api/products").exchange().expectStatus().isOk();
        http.get().uri("/api/products/{id}", id).exchange().expectStatus().isOk();
        http.get()
            .uri("/api/products/{id}", id)
            .headers(h -> h.setBearerAuth(userToken()))
            .exchange()
            .expectStatus()
            .isOk();
    }

    @Test
    void writesNeedAToken() {
        UUID id = createProduct("No Token", 100, 1);
        for (WebTestClient.RequestHeadersSpec<?> request : List.of(
                http.post()
                    .uri("/api/products")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(productBody("x", 1, 1)),
                http.put()
                    .uri("/api/products/{id}", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(productBody("x", 1, 1)),
                http.delete().uri("/api/products/{id}", id))) {
            request.exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/api/products/{id}", id).exchange().expectStatus().isOk();
    }

    @Test
    void onlyAdminWrites() {
        UUID id = createProduct("Admin Only", 100, 1);
        for (String token : List.of(userToken(), serviceToken())) {
            http.post()
                .uri("/api/products")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(productBody("Sneaky", 1, 1))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*error=\"insufficient_scope\".*");
            http.put()
                .uri("/api/products/{id}", id)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(productBody("Hijack", 1, 1))
                .exchange()
                .expectStatus()
                .isForbidden();
            http.delete()
                .uri("/api/products/{id}", id)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isForbidden();
        }
        http.get()
            .uri("/api/products/{id}", id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Admin Only");
    }

    @Test
    void internalApiIsForServiceTokensOnly() {
        UUID id = createProduct("Internal Only", 100, 5);
        Map<String, Object> body = ReservationIT.reservation(UUID.randomUUID(), Map.of(id, 1));

        internal(null, body).expectStatus().isUnauthorized();
        internal(userToken(), body).expectStatus().isForbidden();
        internal(adminToken(), body).expectStatus().isForbidden();
        http.get()
            .uri("/internal/products/{id}/stock", id)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isForbidden();
        assertThat(stock(id)).isEqualTo(5);

        internal(serviceToken(), body).expectStatus().isCreated();
        assertThat(stock(id)).isEqualTo(4);
    }

    @Test
    void refusesTokensForAnotherAudienceOrFromAnotherKey() {
        String memberOnly = ProductTokens.tokens()
            .token(UUID.randomUUID())
            .roles("USER", "ADMIN")
            .audiences("shop-member")
            .sign();
        String foreignKey;
        try (TestTokens other = TestTokens.builder().audiences(ProductTokens.AUDIENCE).build()) {
            foreignKey = other.admin(UUID.randomUUID());
        }
        for (String token : List.of(memberOnly, foreignKey)) {
            http.post()
                .uri("/api/products")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(productBody("Bad Token", 1, 1))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*");
        }
    }

    @Test
    void servesHealthAndTheApiDescriptionPublicly(@LocalManagementPort int managementPort) {
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + managementPort)
            .responseTimeout(java.time.Duration.ofSeconds(30))
            .build()
            .get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk();
        http.get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .value(status -> assertThat(status).isIn(401, 403, 404));
        http.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.paths['/api/products'].get")
            .exists()
            .jsonPath("$.paths['/api/products/{id}'].put.responses['412']")
            .exists()
            .jsonPath("$.paths['/internal/reservations'].post.responses['409']")
            .exists()
            .jsonPath("$.components.schemas.Product.properties.price")
            .exists();
        http.method(HttpMethod.GET)
            .uri("/actuator/env")
            .exchange()
            .expectStatus()
            .value(status -> assertThat(status).isIn(401, 403, 404));
    }

    private WebTestClient.ResponseSpec internal(String token, Map<String, Object> body) {
        return http.post().uri("/internal/reservations").headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

}
