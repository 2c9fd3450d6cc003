package com.acme.shop.order.cart;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.acme.shop.order.OrderServerTestSupport;
import org.junit.jupiter.api.Test;

/** The API document is public and describes the cart and the orders. */
class OpenApiIT extends OrderServerTestSupport {

    @Test
    void servesTheApiDocumentWithoutAToken() {
        http.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.info.title")
            .isEqualTo("shop order")
            .jsonPath("$.paths['/api/orders'].post.operationId")
            .isEqualTo("checkout")
            .jsonPath("$.paths['/api/orders'].post.responses['402']")
            .exists()
            .jsonPath("$.paths['/api/cart/items/{productId}'].put")
            .exists()
            .jsonPath("$.paths['/api/orders/{id}/cancel'].post")
            .exists();
    }

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
