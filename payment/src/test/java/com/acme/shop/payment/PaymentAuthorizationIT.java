package com.acme.shop.payment;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only SERVICE tokens with audience shop-payment reach {@code /internal/**}; health and
 * the API document are public; nothing else is served.
 */
class PaymentAuthorizationIT extends PaymentServerTestSupport {

    @Test
    void noTokenIs401AndChargesNothing() {
        UUID orderId = UUID.randomUUID();
        http.post()
            .uri(PAYMENTS)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(charge(orderId, 1000, "4242424242424242"))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        assertThat(countPayments(orderId)).isZero();
        http.get().uri(PAYMENTS + "/{id}", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void userAndAdminTokensAre403EvenWithThePaymentAudience() {
        UUID orderId = UUID.randomUUID();
        String user = TOKENS.token(UUID.randomUUID()).audiences("shop-payment").sign();
        String admin = TOKENS.token(UUID.randomUUID()).roles("USER", "ADMIN").audiences("shop-payment").sign();
        for (String token : new String[] { user, admin }) {
            http.post()
                .uri(PAYMENTS)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(charge(orderId, 1000, "4242424242424242"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            http.get()
                .uri(PAYMENTS + "?orderId={orderId}", orderId)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isForbidden();
            http.post()
                .uri(PAYMENTS + "/{id}/refund", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isForbidden();
        }
        assertThat(countPayments(orderId)).isZero();
    }

    @Test
    void tokensForOtherAudiencesAre401() {
        // a user's token as auth issues it today (gateway, member, bff, auth) and
        // member's service token
        for (String token : new String[] { TOKENS.user(UUID.randomUUID()), TOKENS.admin(UUID.randomUUID()),
                TOKENS.service() }) {
            http.get()
                .uri(PAYMENTS + "/{id}", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        }
    }

    @Test
    void expiredServiceTokenIs401() {
        String expired = TOKENS.token("service:order").roles("SERVICE").audiences("shop-payment").expired().sign();
        http.get()
            .uri(PAYMENTS + "/{id}", UUID.randomUUID())
            .headers(h -> h.setBearerAuth(expired))
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void healthAndApiDocsArePublic(@LocalManagementPort int managementPort) {
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
            .jsonPath("$.paths['/internal/payments'].post")
            .exists()
            .jsonPath("$.paths['/internal/payments/{id}/refund'].post")
            .exists()
            .jsonPath("$.paths['/internal/payments'].post.responses['402']")
            .exists()
            .jsonPath("$.paths['/internal/payments'].post.parameters.length()")
            .isEqualTo(1)
            .jsonPath("$.paths['/internal/payments'].post.parameters[0].name")
            .isEqualTo("Idempotency-Key");
    }

    @Test
    void nothingElseIsServedEvenToAService() {
        http.get()
            .uri("/api/payments")
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isForbidden();
        http.get()
            .uri("/actuator/env")
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isForbidden();
    }

}
