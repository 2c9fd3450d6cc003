package com.acme.shop.product;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Runs the product service on a random port against real PostgreSQL (a fresh database)
 * and Redis from {@code TestInfra}, with tokens from {@link ProductTokens}. Subclasses
 * share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProductServerTestSupport {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private static Map<String, String> database;

    @LocalServerPort
    protected int port;

    @Autowired
    protected DatabaseClient db;

    protected WebTestClient http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        synchronized (ProductServerTestSupport.class) {
            if (database == null) {
                database = TestDatabases.create("product_it");
            }
        }
        database.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.jwks-uri", () -> ProductTokens.tokens().jwksUri());
        // the concurrency tests queue for pooled connections on a shared, busy machine:
        // give them time
        registry.add("shop.product.db-timeout", () -> "20s");
        registry.add("spring.r2dbc.pool.max-acquire-time", () -> "15s");
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    protected WebClient webClient() {
        return WebClient.builder().baseUrl("http://localhost:" + port).build();
    }

    protected static String adminToken() {
        return ProductTokens.admin();
    }

    protected static String userToken() {
        return ProductTokens.user();
    }

    protected static String serviceToken() {
        return ProductTokens.service();
    }

    /** A product body with a unique SKU. */
    protected static Map<String, Object> productBody(String name, long amount, int stock) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", uniqueSku());
        body.put("name", name);
        body.put("description", "A test product called " + name + ".");
        body.put("price", Map.of("amount", amount, "currency", "EUR"));
        body.put("stock", stock);
        body.put("imageUrl", "/images/products/test.svg");
        return body;
    }

    protected static String uniqueSku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Creates a product as ADMIN and returns its JSON. */
    protected Map<String, Object> createProduct(Map<String, Object> body) {
        return http.post()
            .uri("/api/products")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JSON)
            .returnResult()
            .getResponseBody();
    }

    protected UUID createProduct(String name, long amount, int stock) {
        return UUID.fromString((String) createProduct(productBody(name, amount, stock)).get("id"));
    }

    /** The product's stock as stored. */
    protected int stock(UUID productId) {
        return db.sql("SELECT stock FROM product.products WHERE id = :id")
            .bind("id", productId)
            .map(row -> row.get("stock", Integer.class))
            .one()
            .block();
    }

}
