package com.acme.shop.order;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.junit.jupiter.api.Test;

/**
 * Health is public on the management port only, and routes outside the API are denied
 * (the API document itself: {@link OpenApiContractIT}).
 */
class PublicEndpointsIT extends OrderServerTestSupport {

    @Test
    void healthIsPublicAndEverythingElseIsDenied(@LocalManagementPort int managementPort) {
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
            .uri("/internal/anything")
            .headers(h -> h.setBearerAuth(user(java.util.UUID.randomUUID())))
            .exchange()
            .expectStatus()
            .isForbidden();
    }

}
