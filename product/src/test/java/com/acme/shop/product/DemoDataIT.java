package com.acme.shop.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code SEED_DEMO_DATA=true} the demo catalog exists, each product with a picture
 * that web-ui serves (the other ITs run without it and see none).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shop.product.seed-demo-data=true")
class DemoDataIT {

    /**
     * web-ui's static resources, seen from this module's directory (the tests' working
     * directory).
     */
    static final Path STATIC = Path.of("..", "web-ui", "src", "main", "resources", "static");

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestDatabases.create("product_seed").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.jwks-uri", () -> ProductTokens.tokens().jwksUri());
    }

    @Test
    void seedsAPicturedCatalogWithSomeItemsSoldOutOrNearlySo() {
        Map<String, Object> page = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .build()
            .get()
            .uri("/api/products?size=100&sort=createdAt,desc")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
            })
            .returnResult()
            .getResponseBody();
        List<Map<String, Object>> products = (List<Map<String, Object>>) page.get("content");

        assertThat(products).hasSizeBetween(35, 50);
        assertThat(products).filteredOn(p -> ((Integer) p.get("stock")) == 0).hasSizeGreaterThanOrEqualTo(2);
        assertThat(products).filteredOn(p -> ((Integer) p.get("stock")) == 1).hasSizeGreaterThanOrEqualTo(2);
        assertThat(products).allSatisfy(product -> {
            assertThat((String) product.get("description")).isNotBlank();
            assertThat(((Map<String, Object>) product.get("price")).get("currency")).isEqualTo("EUR");
            assertThat((Integer) ((Map<String, Object>) product.get("price")).get("amount")).isPositive();
            String imageUrl = (String) product.get("imageUrl");
            assertThat(imageUrl).startsWith("/images/products/").endsWith(".svg");
            Path file = STATIC.resolve(imageUrl.substring(1));
            assertThat(file).exists();
            assertThat(Files.size(file)).isLessThan(8 * 1024);
        });
        assertThat(STATIC.resolve("images/products/README.txt")).exists();
    }

    @Test
    void schemaStaysValidWhenSeedingIsTurnedOffLater(@Autowired FlywayProperties properties) {
        Flyway withoutSeed = Flyway.configure()
            .dataSource(properties.getUrl(), properties.getUser(), properties.getPassword())
            .schemas(properties.getSchemas().toArray(String[]::new))
            .defaultSchema(properties.getDefaultSchema())
            .locations(properties.getLocations().toArray(String[]::new))
            .ignoreMigrationPatterns(properties.getIgnoreMigrationPatterns().toArray(String[]::new))
            .placeholders(properties.getPlaceholders())
            .load();

        assertThat(properties.getLocations()).doesNotContain(DemoDataConfiguration.SEED_LOCATION);
        assertThat(withoutSeed.validateWithResult().validationSuccessful).isTrue();
    }

}
