package com.acme.shop.member;

import java.util.Map;
import java.util.UUID;

import com.acme.shop.common.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the member service on a random port against real PostgreSQL (a fresh database) and
 * Redis from {@code TestInfra}, with tokens from {@link TestTokens}. Subclasses share one
 * application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MemberServerTestSupport {

    static final TestTokens TOKENS = TestTokens.shared();
    static final UUID ADMIN_ID = UUID.randomUUID();

    private static Map<String, String> database;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    WebTestClient http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        synchronized (MemberServerTestSupport.class) {
            if (database == null) {
                database = TestDatabases.create("member_it");
            }
        }
        database.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.jwks-uri", TOKENS::jwksUri);
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    String adminToken() {
        return TOKENS.admin(ADMIN_ID);
    }

    /** Creates a member as ADMIN and returns it. */
    Member createMember(String email, String name, String phone) {
        return http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(email, name, phone))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Member.class)
            .returnResult()
            .getResponseBody();
    }

    /**
     * Creates a member with a given id through the internal endpoint (as auth does on
     * registration).
     */
    Member registerMember(UUID id, String email, String name) {
        return http.post()
            .uri("/internal/members")
            .headers(h -> h.setBearerAuth(TOKENS.service()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new InternalMemberForm(id.toString(), email, name, null))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Member.class)
            .returnResult()
            .getResponseBody();
    }

    static String uniqueEmail(String local) {
        return local + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /**
     * The stored {@code has_account} flag of the member (not part of the API
     * representation).
     */
    boolean hasAccount(UUID id) {
        return db.sql("SELECT has_account FROM member.members WHERE id = :id")
            .bind("id", id)
            .map(row -> row.get("has_account", Boolean.class))
            .one()
            .block();
    }

    long countMembersWithEmail(String email) {
        return db.sql("SELECT count(*) AS n FROM member.members WHERE lower(email) = lower(:email)")
            .bind("email", email)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    }

}
