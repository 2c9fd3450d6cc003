package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.acme.shop.common.testing.TestTokens;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code SEED_DEMO_DATA=true} the demo members exist (the other ITs run without it
 * and see none).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shop.member.seed-demo-data=true")
class DemoDataIT {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestDatabases.create("member_seed").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.jwks-uri", TestTokens.shared()::jwksUri);
    }

    @Test
    void seedsDemoMembersWhenEnabled() {
        long rows = db.sql("SELECT count(*) AS n FROM member.members")
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
        assertThat(rows).isBetween(35L, 50L);
        long withAccount = db.sql("SELECT count(*) AS n FROM member.members WHERE has_account")
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
        assertThat(withAccount).isZero();

        Map<String, Object> page = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .build()
            .get()
            .uri("/api/members?q=example.jp&sort=name,asc")
            .headers(h -> h.setBearerAuth(TestTokens.shared().admin(UUID.randomUUID())))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
            })
            .returnResult()
            .getResponseBody();
        assertThat(page.get("content")).asList().isNotEmpty();
        assertThat(page.get("page")).asString().contains("totalElements=");
    }

    @Test
    void schemaStaysValidWhenSeedingIsTurnedOffLater(@Autowired FlywayProperties properties) {
        Flyway withoutSeed = Flyway.configure()
            .dataSource(properties.getUrl(), properties.getUser(), properties.getPassword())
            .schemas(properties.getSchemas().toArray(String[]::new))
            .defaultSchema(properties.getDefaultSchema())
            .locations(properties.getLocations().toArray(String[]::new))
            .ignoreMigrationPatterns(properties.getIgnoreMigrationPatterns().toArray(String[]::new))
            .load();

        assertThat(properties.getLocations()).doesNotContain(DemoDataConfiguration.SEED_LOCATION);
        assertThat(withoutSeed.validateWithResult().validationSuccessful).isTrue();
    }

}
