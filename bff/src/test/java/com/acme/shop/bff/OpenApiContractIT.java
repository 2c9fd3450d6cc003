package com.acme.shop.bff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.acme.shop.common.testing.OpenApiContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bff API against its OpenAPI document (docs/api.md, "Spec tests"), with auth and
 * member stood in for by {@link StubDownstreams}: the document is valid OpenAPI 3.1,
 * documents every route and nothing else (Swagger UI and the document itself are
 * springdoc's), and each documented example request gets a documented answer whose body
 * matches its schema, for a user, an administrator (with the admin section), while member
 * hangs and product fails (a degraded answer), while order is down, and for an anonymous
 * caller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiContractIT {

    @RegisterExtension
    static final StubDownstreams stubs = new StubDownstreams();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    OpenApiContract contract;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        stubs.register(registry);
        registry.add("shop.bff.member.timeout", () -> "700ms");
    }

    @BeforeEach
    void contract() {
        contract = OpenApiContract.of(context, port).tokens(roles -> stubs.userToken());
    }

    @AfterEach
    void everythingBackUp() {
        stubs.allUp();
    }

    @Test
    void servesAValidOpenApi31Document() {
        contract.assertValid();
        contract.writeSpec(Path.of("target/openapi/bff.json"));
    }

    @Test
    void documentsEveryRouteAndEveryDocumentedOperationAnswers() {
        contract.assertMatchesRoutes();
    }

    @Test
    void everyExampleRequestGetsADocumentedAnswerMatchingItsSchema() {
        contract.recordTo(Path.of("target/openapi/bff-calls.json")).assertExamplesConform();
    }

    @Test
    void anAdminsAnswerMatchesTheSchemaToo() {
        contract.tokens(roles -> stubs.adminToken()).assertExamplesConform();
    }

    @Test
    void aDegradedAnswerMatchesTheSchemaToo() {
        stubs.memberMode.set(StubDownstreams.MemberMode.HANG);
        stubs.product.set(ShopDownstream.Mode.ERROR);
        contract.recordTo(Path.of("target/openapi/bff-degraded-calls.json")).assertExamplesConform();
    }

    @Test
    void anAnswerWithoutOrdersMatchesTheSchemaToo() {
        stubs.order.set(ShopDownstream.Mode.DOWN);
        contract.assertExamplesConform();
    }

    /**
     * The contract sends a token to every operation that documents one; an anonymous
     * caller's answer is checked against the documented schema here.
     */
    @Test
    void anAnonymousAnswerMatchesTheSchemaToo() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/home")).build(),
                    HttpResponse.BodyHandlers.ofString());
        JsonNode schema = contract.spec()
            .path("paths")
            .path("/api/home")
            .path("get")
            .path("responses")
            .path("200")
            .path("content")
            .path("application/json")
            .path("schema");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(schema.isMissingNode()).isFalse();
        assertThat(contract.validate(schema, JsonMapper.shared().readTree(response.body()))).isEmpty();
        assertThat(response.body()).contains("\"featuredProducts\":[{").contains("\"latestOrders\":null");
    }

}
