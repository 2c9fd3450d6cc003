package com.acme.shop.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.acme.shop.common.testing.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth API against its OpenAPI document (docs/api.md, "Spec tests"): the document is
 * valid OpenAPI 3.1, documents every route and nothing else, and each documented example
 * request gets a documented answer whose body matches its schema. The register example
 * creates Ann, whom the login example logs in; the refresh example's token was never
 * issued (401). Tokens: the bootstrap admin for ADMIN, else a fresh account whose
 * password is the examples' (so the password-change example succeeds).
 */
class OpenApiContractIT extends AuthItSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient db;

    OpenApiContract contract;

    @BeforeEach
    void examplesStartFromScratch() {
        db.sql("DELETE FROM auth.accounts WHERE email = 'ann.lee@example.com'").then().block();
        contract = OpenApiContract.of(context, port)
            .header("X-Forwarded-For", clientIp)
            .tokens(this::tokenFor)
            .runFirst("POST /api/auth/register")
            .expectStatus("POST /api/auth/refresh", 401)
            .authorization("POST /internal/service-tokens", OpenApiContractIT::orderClientCredentials)
            .recordTo(Path.of("target/openapi/auth-calls.json"));
    }

    /**
     * HTTP Basic of the order client, with the secret auth generated into the key
     * directory.
     */
    private static String orderClientCredentials() {
        try {
            String secret = Files.readString(KEY_DIR.resolve("service-secret-order"), StandardCharsets.US_ASCII)
                .strip();
            return "Basic " + Base64.getEncoder().encodeToString(("order:" + secret).getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private String tokenFor(List<String> roles) {
        Map<String, Object> tokens;
        if (roles.contains("ADMIN")) {
            tokens = login(ADMIN_EMAIL, ADMIN_PASSWORD).expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        }
        else {
            String email = uniqueEmail();
            register(email, AuthExamples.PASSWORD, "Contract User").expectStatus().isCreated();
            tokens = login(email, AuthExamples.PASSWORD).expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        }
        return (String) tokens.get("access_token");
    }

    @Test
    void servesAValidOpenApi31Document() {
        contract.assertValid();
        contract.writeSpec(Path.of("target/openapi/auth.json"));
    }

    @Test
    void documentsEveryRouteAndEveryDocumentedOperationAnswers() {
        contract.assertMatchesRoutes();
    }

    @Test
    void everyExampleRequestGetsADocumentedAnswerMatchingItsSchema() {
        contract.assertExamplesConform();
    }

    /** auth's own error examples are what auth really answers. */
    @Test
    void documentedErrorExamplesAreRealAnswers() {
        register("ann.lee@example.com", AuthExamples.PASSWORD, "Ann Lee").expectStatus().isCreated();
        assertThat(json(login("ann.lee@example.com", "not the right passphrase")))
            .isEqualTo(contract.documentedExample("POST /api/auth/login", 401, null));
        assertThat(json(register("ann.lee@example.com", AuthExamples.PASSWORD, "Ann Lee")))
            .isEqualTo(contract.documentedExample("POST /api/auth/register", 409, null));
        assertThat(json(register("bob@example.com", "too short", "Bob")))
            .isEqualTo(contract.documentedExample("POST /api/auth/register", 400, null));
        assertThat(json(refresh(AuthExamples.REFRESH_TOKEN)))
            .isEqualTo(contract.documentedExample("POST /api/auth/refresh", 401, null));
    }

    private static JsonNode json(WebTestClient.ResponseSpec response) {
        return JsonMapper.builder()
            .build()
            .readTree(response.expectBody(String.class).returnResult().getResponseBody());
    }

}
