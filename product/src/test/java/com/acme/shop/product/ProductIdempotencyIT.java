package com.acme.shop.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;

/** Idempotency-Key on POST through common's layer: one product per key. */
class ProductIdempotencyIT extends ProductServerTestSupport {

    static final String KEY_HEADER = "Idempotency-Key";

    static final String REPLAYED = "Idempotent-Replayed";

    @Test
    void replaysTheStoredResponseForTheSameKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = productBody("Idempotent", 100, 1);
        String token = adminToken();

        EntityExchangeResult<byte[]> first = post(token, key, body).expectStatus()
            .isCreated()
            .expectHeader()
            .value(REPLAYED, value -> assertThat(value).isIn(null, "false"))
            .expectBody()
            .returnResult();
        EntityExchangeResult<byte[]> second = post(token, key, body).expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(REPLAYED, "true")
            .expectBody()
            .returnResult();

        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(second.getResponseHeaders().getETag()).isEqualTo(first.getResponseHeaders().getETag());
        assertThat(productsWithSku((String) body.get("sku"))).isEqualTo(1);

        post(token, key, productBody("Other Body", 100, 1)).expectStatus()
            .isEqualTo(422)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void createsOneProductForConcurrentRequestsWithTheSameKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = productBody("Raced", 100, 1);
        String token = adminToken();

        List<Integer> statuses = Flux.range(0, 20)
            .flatMap(
                    i -> webClient().post()
                        .uri("/api/products")
                        .headers(h -> h.setBearerAuth(token))
                        .header(KEY_HEADER, key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                    20)
            .collectList()
            .block(Duration.ofSeconds(60));

        assertThat(statuses).contains(201).allMatch(status -> status == 201 || status == 409);
        assertThat(productsWithSku((String) body.get("sku"))).isEqualTo(1);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String token, String key,
            Map<String, Object> body) {
        return http.post()
            .uri("/api/products")
            .headers(h -> h.setBearerAuth(token))
            .header(KEY_HEADER, key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    private long productsWithSku(String sku) {
        return db.sql("SELECT count(*) AS n FROM product.products WHERE sku = :sku")
            .bind("sku", sku)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    }

}
