package com.acme.shop.bff;

import java.nio.file.Path;

import com.acme.shop.common.testing.OpenApiContract;
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

/**
 * The bff API against its OpenAPI document (docs/api.md, "Spec tests"), with auth and
 * member stood in for by {@link StubDownstreams}: the document is valid OpenAPI 3.1,
 * documents every route and nothing else (Swagger UI and the document itself are
 * springdoc's), and each documented example request gets a documented answer whose body
 * matches its schema, for a user, an administrator (with the admin section) and while
 * member hangs (a degraded answer).
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
    void memberBackUp() {
        stubs.memberMode.set(StubDownstreams.MemberMode.UP);
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
        contract.recordTo(Path.of("target/openapi/bff-degraded-calls.json")).assertExamplesConform();
    }

}
