package com.acme.shop.order.cart;

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
    void healthIsPublicAndEverythingElseIsDenied() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get()
            .uri("/internal/anything")
            .headers(h -> h.setBearerAuth(user(java.util.UUID.randomUUID())))
            .exchange()
            .expectStatus()
            .isForbidden();
    }

}
