package com.acme.shop.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProductCrudIT extends ProductServerTestSupport {

    @Test
    void createsReadsUpdatesAndSoftDeletesProduct() {
        Map<String, Object> body = productBody("  Enamel Camp Mug  ", 1299, 25);
        String sku = ((String) body.get("sku")).toLowerCase();
        body.put("sku", sku);
        EntityExchangeResult<Map<String, Object>> created = http.post()
            .uri("/api/products")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueMatches(HttpHeaders.LOCATION, "/api/products/[0-9a-f-]{36}")
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody(JSON)
            .returnResult();
        Map<String, Object> product = created.getResponseBody();
        String id = (String) product.get("id");
        assertThat(created.getResponseHeaders().getLocation().toString()).endsWith(id);
        assertThat(product).containsEntry("sku", sku.toUpperCase())
            .containsEntry("name", "Enamel Camp Mug")
            .containsEntry("price", Map.of("amount", 1299, "currency", "EUR"))
            .containsEntry("stock", 25)
            .containsEntry("imageUrl", "/images/products/test.svg")
            .containsEntry("active", true)
            .containsEntry("version", 0)
            .containsKeys("description", "createdAt", "updatedAt");
        assertThat(product).hasSize(11);

        // anyone reads it, without a token
        http.get()
            .uri("/api/products/{id}", id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Enamel Camp Mug")
            .jsonPath("$.price.amount")
            .isEqualTo(1299);

        // a cache holding version 0 revalidates cheaply
        http.get()
            .uri("/api/products/{id}", id)
            .header(HttpHeaders.IF_NONE_MATCH, "\"0\"")
            .exchange()
            .expectStatus()
            .isNotModified();

        Map<String, Object> change = new LinkedHashMap<>(body);
        change.put("name", "Enamel Camp Mug, blue");
        change.put("price", Map.of("amount", 1499, "currency", "EUR"));
        change.put("stock", 30);
        http.put()
            .uri("/api/products/{id}", id)
            .headers(h -> h.setBearerAuth(adminToken()))
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(change)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Enamel Camp Mug, blue")
            .jsonPath("$.price.amount")
            .isEqualTo(1499)
            .jsonPath("$.stock")
            .isEqualTo(30)
            .jsonPath("$.version")
            .isEqualTo(1);

        http.delete()
            .uri("/api/products/{id}", id)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNoContent();
        http.get()
            .uri("/api/products/{id}", id)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
            .uri(uri -> uri.path("/api/products").queryParam("q", sku).build())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.page.totalElements")
            .isEqualTo(0);
        http.delete()
            .uri("/api/products/{id}", id)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNotFound();
        http.put()
            .uri("/api/products/{id}", id)
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(change)
            .exchange()
            .expectStatus()
            .isNotFound();
        // soft delete: the row stays for reservations and orders
        assertThat(db.sql("SELECT active FROM product.products WHERE id = :id")
            .bind("id", UUID.fromString(id))
            .map(row -> row.get("active", Boolean.class))
            .one()
            .block()).isFalse();
    }

    @Test
    void updateWithoutStockKeepsTheStockAndWithoutIfMatchUsesTheCurrentVersion() {
        Map<String, Object> body = productBody("Keeps Stock", 500, 7);
        UUID id = UUID.fromString((String) createProduct(body).get("id"));
        db.sql("UPDATE product.products SET stock = 5, version = version + 1 WHERE id = :id")
            .bind("id", id)
            .fetch()
            .rowsUpdated()
            .block();

        Map<String, Object> change = new LinkedHashMap<>(body);
        change.remove("stock");
        change.put("name", "Keeps Stock Renamed");
        http.put()
            .uri("/api/products/{id}", id)
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(change)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"2\"")
            .expectBody()
            .jsonPath("$.stock")
            .isEqualTo(5)
            .jsonPath("$.name")
            .isEqualTo("Keeps Stock Renamed");
    }

    @Test
    void refusesStaleIfMatch() {
        Map<String, Object> body = productBody("Stale", 100, 1);
        UUID id = UUID.fromString((String) createProduct(body).get("id"));
        put(id, "\"0\"", body).expectStatus().isOk();

        put(id, "\"0\"", body).expectStatus()
            .isEqualTo(412)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(412);
        put(id, "W/\"1\"", body).expectStatus().isEqualTo(412);
        put(id, "\"1\"", body).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        put(id, "*", body).expectStatus().isOk();
    }

    @Test
    void refusesDuplicateSkuIgnoringCaseButFreesTheSkuOfADeletedProduct() {
        Map<String, Object> body = productBody("Original", 100, 1);
        String sku = (String) body.get("sku");
        UUID original = UUID.fromString((String) createProduct(body).get("id"));

        Map<String, Object> duplicate = productBody("Copy", 100, 1);
        duplicate.put("sku", sku.toLowerCase());
        post(duplicate).expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> other = productBody("Other", 100, 1);
        UUID otherId = UUID.fromString((String) createProduct(other).get("id"));
        Map<String, Object> rename = new LinkedHashMap<>(other);
        rename.put("sku", sku);
        put(otherId, null, rename).expectStatus().isEqualTo(409);

        http.delete()
            .uri("/api/products/{id}", original)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNoContent();
        post(duplicate).expectStatus().isCreated();
    }

    @Test
    void listsEveryInvalidField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", "no spaces!");
        body.put("name", "   ");
        body.put("description", "x".repeat(2001));
        body.put("price", Map.of("amount", -1, "currency", "EUR"));
        body.put("stock", 1_000_001);
        body.put("imageUrl", "javascript:alert(1)");
        post(body).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[*].field")
            .value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("sku", "name", "description",
                    "price.amount", "stock", "imageUrl"));

        Map<String, Object> noStock = productBody("No Stock", 100, 1);
        noStock.remove("stock");
        noStock.remove("price");
        post(noStock).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[*].field")
            .value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("price", "stock"));

        Map<String, Object> tooLong = productBody("n".repeat(121), Money.MAX_AMOUNT + 1, 0);
        tooLong.put("imageUrl", "//evil.example/x.svg");
        post(tooLong).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[*].field")
            .value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("name", "price.amount",
                    "imageUrl"));
    }

    @Test
    void acceptsHttpsImagesAndNoImage() {
        Map<String, Object> https = productBody("Remote Image", 100, 0);
        https.put("imageUrl", "https://images.example.com/p/1.png");
        assertThat(createProduct(https)).containsEntry("imageUrl", "https://images.example.com/p/1.png")
            .containsEntry("stock", 0);
        Map<String, Object> none = productBody("No Image", 100, 0);
        none.remove("imageUrl");
        none.remove("description");
        assertThat(createProduct(none)).containsEntry("imageUrl", null).containsEntry("description", "");
        Map<String, Object> http = productBody("Plain Http", 100, 0);
        http.put("imageUrl", "http://images.example.com/p/1.png");
        post(http).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("imageUrl");
    }

    @Test
    void moneyIsIntegerMinorUnitsInTheShopCurrency() {
        Map<String, Object> dollars = productBody("Dollars", 100, 1);
        dollars.put("price", Map.of("amount", 100, "currency", "USD"));
        post(dollars).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("price.currency")
            .jsonPath("$.errors[0].message")
            .value(message -> assertThat((String) message).contains("EUR"));

        http.post()
            .uri("/api/products")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"sku\":\"" + uniqueSku() + "\",\"name\":\"Float\",\"price\":{\"amount\":19.99,"
                    + "\"currency\":\"EUR\"},\"stock\":1}")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersBadRequestForMalformedIdAndNotFoundForUnknownId() {
        http.get()
            .uri("/api/products/not-a-uuid")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("id");
        http.get()
            .uri("/api/products/{id}", UUID.randomUUID())
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(404);
    }

    @Test
    void storesSqlAndScriptLookingTextLiterally() {
        String name = "Robert'); DROP TABLE products;--";
        UUID id = createProduct(name, 100, 1);
        http.get()
            .uri("/api/products/{id}", id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo(name);
        http.get()
            .uri(uri -> uri.path("/api/products").queryParam("q", "{q}").build("'); DROP TABLE products"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.content[0].name")
            .isEqualTo(name);
    }

    @Test
    void seedsNoDemoDataByDefault() {
        long demoRows = db.sql("SELECT count(*) AS n FROM product.products WHERE id::text LIKE '5eed0000-%'")
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
        assertThat(demoRows).isZero();
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> body) {
        return http.post()
            .uri("/api/products")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    private WebTestClient.ResponseSpec put(UUID id, String ifMatch, Map<String, Object> body) {
        return http.put().uri("/api/products/{id}", id).headers(h -> {
            h.setBearerAuth(adminToken());
            if (ifMatch != null) {
                h.set(HttpHeaders.IF_MATCH, ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

}
