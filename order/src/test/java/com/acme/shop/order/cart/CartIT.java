package com.acme.shop.order.cart;

import java.util.Map;
import java.util.UUID;

import com.acme.shop.order.OrderServerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The cart: per user, today's prices, quantity rules, stock, If-Match, authorization. */
class CartIT extends OrderServerTestSupport {

    @Test
    void anEmptyCartForANewUser() {
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(user(UUID.randomUUID())))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("ETag", "\"0\"")
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0)
            .jsonPath("$.total.amount")
            .isEqualTo(0)
            .jsonPath("$.total.currency")
            .isEqualTo("EUR")
            .jsonPath("$.itemCount")
            .isEqualTo(0)
            .jsonPath("$.version")
            .isEqualTo(0);
    }

    @Test
    void addsChangesAndRemovesItemsAtTodaysPrices() {
        String token = user(UUID.randomUUID());
        UUID mug = PRODUCT.add("Enamel Mug", 1250, 10);
        UUID lamp = PRODUCT.add("Desk Lamp", 4999, 3);
        putItem(token, mug, 2).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
        putItem(token, lamp, 1).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(2)
            .jsonPath("$.items[0].productId")
            .isEqualTo(mug.toString())
            .jsonPath("$.items[0].name")
            .isEqualTo("Enamel Mug")
            .jsonPath("$.items[0].unitPrice.amount")
            .isEqualTo(1250)
            .jsonPath("$.items[0].lineTotal.amount")
            .isEqualTo(2500)
            .jsonPath("$.total.amount")
            .isEqualTo(7499)
            .jsonPath("$.itemCount")
            .isEqualTo(3)
            .jsonPath("$.version")
            .isEqualTo(2);
        putItem(token, mug, 5).expectStatus().isOk().expectBody().jsonPath("$.items[0].quantity").isEqualTo(5);
        PRODUCT.setPrice(mug, 1000);
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].unitPrice.amount")
            .isEqualTo(1000)
            .jsonPath("$.total.amount")
            .isEqualTo(5 * 1000 + 4999);
        http.delete()
            .uri("/api/cart/items/{id}", mug)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1)
            .jsonPath("$.items[0].productId")
            .isEqualTo(lamp.toString());
        http.delete().uri("/api/cart").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isNoContent();
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
    }

    @Test
    void refusesQuantitiesOutsideOneToNinetyNine() {
        String token = user(UUID.randomUUID());
        UUID product = PRODUCT.add("Pen", 199, 500);
        putItem(token, product, 0).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("quantity");
        putItem(token, product, 100).expectStatus().isBadRequest();
        putItem(token, product, 99).expectStatus().isOk();
        http.put()
            .uri("/api/cart/items/{id}", product)
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of())
            .exchange()
            .expectStatus()
            .isBadRequest();
        http.put()
            .uri("/api/cart/items/not-a-uuid")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("quantity", 1))
            .exchange()
            .expectStatus()
            .isBadRequest();
    }

    @Test
    void unknownOrDeletedProductIs404AndMoreThanInStockIs409() {
        String token = user(UUID.randomUUID());
        putItem(token, UUID.randomUUID(), 1).expectStatus().isNotFound();
        UUID gone = PRODUCT.add("Gone", 100, 5);
        PRODUCT.delete(gone);
        putItem(token, gone, 1).expectStatus().isNotFound();
        UUID scarce = PRODUCT.add("Scarce", 100, 2);
        putItem(token, scarce, 3).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.available")
            .isEqualTo(2)
            .jsonPath("$.productId")
            .isEqualTo(scarce.toString());
        putItem(token, scarce, 2).expectStatus().isOk();
    }

    @Test
    void aProductDeletedLaterDropsOutOfTheCart() {
        String token = user(UUID.randomUUID());
        UUID stays = PRODUCT.add("Stays", 300, 5);
        UUID goes = PRODUCT.add("Goes", 700, 5);
        putItem(token, stays, 1).expectStatus().isOk();
        putItem(token, goes, 1).expectStatus().isOk();
        PRODUCT.delete(goes);
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(1)
            .jsonPath("$.total.amount")
            .isEqualTo(300);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String token = user(UUID.randomUUID());
        UUID product = PRODUCT.add("Cup", 500, 9);
        putItem(token, product, 1).expectStatus().isOk();
        http.put().uri("/api/cart/items/{id}", product).headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch("\"0\"");
        })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("quantity", 4))
            .exchange()
            .expectStatus()
            .isEqualTo(412);
        http.put().uri("/api/cart/items/{id}", product).headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch("\"1\"");
        })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("quantity", 3))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("ETag", "\"2\"")
            .expectBody()
            .jsonPath("$.items[0].quantity")
            .isEqualTo(3);
        http.delete().uri("/api/cart").headers(h -> {
            h.setBearerAuth(token);
            h.setIfMatch("\"1\"");
        }).exchange().expectStatus().isEqualTo(412);
    }

    @Test
    void eachUserSeesOnlyTheirOwnCart() {
        String alice = user(UUID.randomUUID());
        String bob = user(UUID.randomUUID());
        UUID product = PRODUCT.add("Shared Thing", 100, 50);
        putItem(alice, product, 7).expectStatus().isOk();
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(bob))
            .exchange()
            .expectBody()
            .jsonPath("$.items.length()")
            .isEqualTo(0);
        http.delete().uri("/api/cart").headers(h -> h.setBearerAuth(bob)).exchange().expectStatus().isNoContent();
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(alice))
            .exchange()
            .expectBody()
            .jsonPath("$.items[0].quantity")
            .isEqualTo(7);
    }

    @Test
    void anonymousIs401AndServiceTokensAre403() {
        http.get().uri("/api/cart").exchange().expectStatus().isUnauthorized();
        String service = TOKENS.token("service:bff").roles("SERVICE").audiences("shop-order").sign();
        http.get().uri("/api/cart").headers(h -> h.setBearerAuth(service)).exchange().expectStatus().isForbidden();
        String otherAudience = TOKENS.user(UUID.randomUUID());
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(otherAudience))
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void theCartAnswers503WhileTheCatalogIsDown() {
        String token = user(UUID.randomUUID());
        UUID product = PRODUCT.add("Anything", 100, 5);
        putItem(token, product, 1).expectStatus().isOk();
        PRODUCT.down(true);
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .exists("Retry-After")
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        putItem(token, product, 2).expectStatus().isEqualTo(503);
        PRODUCT.down(false);
        http.get()
            .uri("/api/cart")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].quantity")
            .isEqualTo(1);
    }

}
