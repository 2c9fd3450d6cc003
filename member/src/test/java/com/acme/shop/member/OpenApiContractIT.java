package com.acme.shop.member;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.acme.shop.common.testing.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member API against its OpenAPI document (docs/api.md, "Spec tests"): the document
 * is valid OpenAPI 3.1, documents every route and nothing else, and each documented
 * example request gets a documented answer whose body matches its schema. The examples'
 * members: Ann (created by the {@code POST /internal/members} example, read, updated and
 * deleted by the others), Grace (created by the {@code POST /api/members} example) and
 * Ben (the USER calling {@code /api/members/me}).
 */
class OpenApiContractIT extends MemberServerTestSupport {

    static final UUID ANN = UUID.fromString(MemberExamples.ANN_ID);

    static final UUID BEN = UUID.fromString("1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a");

    @Autowired
    ApplicationContext context;

    OpenApiContract contract;

    @BeforeEach
    void examplesStartFromScratch() {
        db.sql("DELETE FROM member.members WHERE id IN (:ids) OR lower(email) IN (:emails)")
            .bind("ids", List.of(ANN, BEN))
            .bind("emails", List.of("ann.lee@example.com", "ben.okafor@example.com", "grace.hopper@example.com"))
            .then()
            .block();
        registerMember(BEN, "ben.okafor@example.com", "Ben Okafor");
        contract = OpenApiContract.of(context, port)
            .tokens(this::tokenFor)
            .recordTo(Path.of("target/openapi/member-calls.json"));
    }

    /** A token for the first documented role: ADMIN, SERVICE (auth) or USER (Ben). */
    private String tokenFor(List<String> roles) {
        return switch (roles.isEmpty() ? "" : roles.get(0)) {
            case MemberSecurityConfiguration.ADMIN -> adminToken();
            case MemberSecurityConfiguration.SERVICE -> TOKENS.service();
            default -> TOKENS.user(BEN);
        };
    }

    @Test
    void servesAValidOpenApi31Document() {
        contract.assertValid();
        contract.writeSpec(Path.of("target/openapi/member.json"));
    }

    @Test
    void documentsEveryRouteAndEveryDocumentedOperationAnswers() {
        contract.assertMatchesRoutes();
    }

    @Test
    void everyExampleRequestGetsADocumentedAnswerMatchingItsSchema() {
        contract.assertExamplesConform();
    }

    /** The error examples that are member's own are what member really answers. */
    @Test
    void documentedErrorExamplesAreRealAnswers() {
        registerMember(ANN, "ann.lee@example.com", "Ann Lee");
        assertThat(answer(http.put()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(TOKENS.user(ANN)))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\":\" \",\"phone\":\"call me\"}")))
            .isEqualTo(contract.documentedExample("PUT /api/members/me", 400, "invalid-fields"));
        assertThat(answer(http.put()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(TOKENS.user(ANN)))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"email\":\"ann@example.org\",\"name\":\"Ann Lee\"}")))
            .isEqualTo(contract.documentedExample("PUT /api/members/me", 400, "sign-in-email"));
        assertThat(answer(http.get().uri("/api/members?size=500").headers(h -> h.setBearerAuth(adminToken()))))
            .isEqualTo(contract.documentedExample("GET /api/members", 400, null));
        assertThat(answer(http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"email\":\"Ann.Lee@example.com\",\"name\":\"Ann Lee\"}")))
            .isEqualTo(contract.documentedExample("POST /api/members", 409, "email-taken"));
        assertThat(answer(http.get()
            .uri("/api/members/0b0e7a9c-3f2d-4c1b-8a7e-6d5c4b3a2f10")
            .headers(h -> h.setBearerAuth(adminToken()))))
            .isEqualTo(contract.documentedExample("GET /api/members/{id}", 404, null));
    }

    private static JsonNode answer(WebTestClient.RequestHeadersSpec<?> request) {
        return JsonMapper.builder()
            .build()
            .readTree(request.exchange().expectBody(String.class).returnResult().getResponseBody());
    }

}
