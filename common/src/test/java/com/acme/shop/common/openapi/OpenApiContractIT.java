package com.acme.shop.common.openapi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.acme.shop.common.problem.ProblemException;
import com.acme.shop.common.security.ResourceServerSecurity;
import com.acme.shop.common.testing.OpenApiContract;
import com.acme.shop.common.testing.TestTokens;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared OpenAPI parts and {@link OpenApiContract} on a small service with planted
 * faults: an undocumented route, a documented operation nobody serves, and an example
 * whose real answer breaks its schema. Each check must report exactly its fault, and
 * nothing about the correct operations.
 */
@SpringBootTest(classes = OpenApiContractIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "shop.jwt.audience=shop-test", "shop.jwt.denylist=false", "shop.openapi.version=9.9.9" })
class OpenApiContractIT {

    static final TestTokens TOKENS = TestTokens.builder().audiences("shop-test").build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    OpenApiContract contract;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("shop.jwt.jwks-uri", TOKENS::jwksUri);
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @BeforeEach
    void contract() {
        Things.store.clear();
        contract = OpenApiContract.of(context, port)
            .tokens(roles -> roles.contains("ADMIN") ? TOKENS.admin("admin-1") : TOKENS.user("user-1"));
    }

    @Test
    void servesAnOpenApi31DocumentThatSwaggerParserAccepts() {
        assertThat(contract.specProblems()).isEmpty();
        JsonNode spec = contract.spec();
        assertThat(spec.path("openapi").asString()).startsWith("3.1.");
        assertThat(spec.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(spec.path("info").path("version").asString()).isEqualTo("9.9.9");
    }

    @Test
    void swaggerParserReportsABrokenDocument() {
        assertThat(OpenApiContract.parserMessages(
                """
                        {"openapi":"3.1.0","paths":{"/x":{"get":{"responses":{"200":{"$ref":"#/components/responses/Nope"}}}}}}"""))
            .anyMatch(message -> message.contains("info"))
            .anyMatch(message -> message.contains("Nope"));
    }

    @Test
    void addsTheSharedProblemSchemaBearerSchemeHeadersAndResponses() {
        JsonNode components = contract.spec().path("components");
        assertThat(components.path("schemas").path("Problem").path("properties").propertyNames()).contains("type",
                "title", "status", "detail", "instance", "errors");
        assertThat(components.path("schemas").path("FieldError").path("required").toString()).contains("field",
                "message");
        assertThat(components.path("securitySchemes").path(ApiDocs.BEARER).path("scheme").asString())
            .isEqualTo("bearer");
        assertThat(components.path("parameters").propertyNames()).contains("Idempotency-Key", "If-Match");
        assertThat(components.path("headers").propertyNames()).contains("ETag", "Idempotent-Replayed", "Retry-After");
        assertThat(components.path("responses").propertyNames()).contains("BadRequest", "Unauthorized", "Forbidden",
                "NotFound", "Conflict", "PreconditionFailed", "IdempotencyKeyReused", "TooManyRequests",
                "ServiceUnavailable");
        assertThat(components.path("responses")
            .path("BadRequest")
            .path("content")
            .path(ApiDocs.PROBLEM_JSON)
            .path("schema")
            .path("$ref")
            .asString()).isEqualTo(ApiDocs.PROBLEM);
    }

    @Test
    void requiresBearerAddsSecurityRolesAnd401And403() {
        JsonNode get = contract.spec().path("paths").path("/api/things/{id}").path("get");
        assertThat(get.path("security").get(0).has(ApiDocs.BEARER)).isTrue();
        assertThat(get.path(ApiDocs.ROLES_EXTENSION).get(0).asString()).isEqualTo("ADMIN");
        assertThat(get.path("description").asString()).contains("role ADMIN");
        assertThat(get.path("responses").propertyNames()).containsExactly("200", "401", "403", "404", "503");
        assertThat(get.path("responses").path("403").path("$ref").asString()).isEqualTo(ApiDocs.FORBIDDEN);
    }

    @Test
    void idempotencyKeyMergesIntoAnOperationsOwn409() {
        JsonNode post = contract.spec().path("paths").path("/api/things").path("post");
        assertThat(post.path("parameters").toString()).contains(ApiDocs.IDEMPOTENCY_KEY);
        assertThat(post.path("responses").path("201").path("headers").has("Idempotent-Replayed")).isTrue();
        JsonNode conflict = post.path("responses").path("409");
        assertThat(conflict.path("description").asString()).contains("name is taken").contains("still being processed");
        assertThat(conflict.path("headers").has("Retry-After")).isTrue();
        assertThat(conflict.path("content").path(ApiDocs.PROBLEM_JSON).path("examples").propertyNames())
            .contains("name-taken", "key-in-flight");
        assertThat(post.path("responses").path("422").path("$ref").asString())
            .isEqualTo(ApiDocs.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void findsTheUndocumentedRoute() {
        assertThat(contract.undocumentedRoutes()).singleElement()
            .asString()
            .startsWith("GET /api/undocumented/{} (" + Undocumented.class.getName());
        assertThatThrownBy(contract::assertMatchesRoutes)
            .hasMessageContaining("undocumented route: GET /api/undocumented/{}");
    }

    @Test
    void anIgnoredRouteNeedsAReasonAndIsThenNotReported() {
        assertThatThrownBy(() -> contract.ignoreRoute("GET /api/undocumented/{id}", " "))
            .isInstanceOf(IllegalArgumentException.class);
        contract.ignoreRoute("GET /api/undocumented/{name}", "a test fixture");
        assertThat(contract.undocumentedRoutes()).isEmpty();
    }

    @Test
    void findsTheDocumentedOperationNobodyServes() {
        assertThat(contract.unservedOperations()).containsExactly("GET /api/ghost");
        assertThat(contract.unansweredOperations()).singleElement()
            .asString()
            .startsWith("GET /api/ghost answered 404")
            .endsWith("(no route matches)");
    }

    @Test
    void aDocumented404FromAServedRouteIsAnAnswer() {
        // the example id of GET /api/things/{id} does not exist before the POST example
        // ran
        assertThat(contract.unansweredOperations()).noneMatch(problem -> problem.contains("/api/things"));
    }

    @Test
    void findsTheExampleWhoseAnswerBreaksItsSchema() {
        List<String> mismatches = contract.exampleMismatches();
        assertThat(mismatches).filteredOn(problem -> !problem.startsWith("GET /api/ghost"))
            .singleElement()
            .asString()
            .startsWith("GET /api/things/{id}/broken")
            .contains("name");
    }

    @Test
    void reportsAnExpectedStatusTheExampleDoesNotGet() {
        contract.expectStatus("GET /api/public", 404);
        assertThat(contract.exampleMismatches())
            .anyMatch(problem -> problem.startsWith("GET /api/public") && problem.contains("expected 404, got 200"));
    }

    @Test
    void validatesBodiesAgainstSchemasWithTheirReferences() {
        JsonNode schema = contract.spec()
            .path("paths")
            .path("/api/things/{id}")
            .path("get")
            .path("responses")
            .path("200")
            .path("content")
            .path("application/json")
            .path("schema");
        assertThat(contract.validate(schema, json("{\"id\":\"t1\",\"name\":\"First\"}"))).isEmpty();
        assertThat(contract.validate(schema, json("{\"id\":\"t1\"}"))).isNotEmpty();
        JsonNode problem = json("{\"$ref\":\"" + ApiDocs.PROBLEM + "\"}");
        assertThat(
                contract
                    .validate(problem,
                            json("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                    + "\"errors\":[{\"field\":\"name\",\"message\":\"must not be blank\"}]}")))
            .isEmpty();
        assertThat(contract.validate(problem, json("{\"title\":\"Bad Request\",\"status\":\"400\"}"))).hasSize(2);
    }

    private static JsonNode json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ Things.class, Undocumented.class })
    static class App {

        @Bean
        SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
            return ResourceServerSecurity.configure(http, decoder)
                .authorizeExchange(ex -> ex.pathMatchers("/v3/api-docs", "/api/public", "/api/ghost")
                    .permitAll()
                    .pathMatchers("/api/things/**", "/api/things")
                    .hasRole("ADMIN")
                    .anyExchange()
                    .authenticated())
                .build();
        }

        @Bean
        io.swagger.v3.oas.models.OpenAPI thingsApi() {
            return new io.swagger.v3.oas.models.OpenAPI().info(new io.swagger.v3.oas.models.info.Info().title("things")
                .description("A service with planted faults."));
        }

        /** Documents an operation that no handler serves. */
        @Bean
        OpenApiCustomizer ghost() {
            return openApi -> openApi.getPaths()
                .addPathItem("/api/ghost",
                        new PathItem().get(new io.swagger.v3.oas.models.Operation().summary("Nobody serves this")
                            .responses(new ApiResponses().addApiResponse("200",
                                    new io.swagger.v3.oas.models.responses.ApiResponse().description("never")))));
        }

    }

    @Schema(name = "Thing", requiredProperties = { "id", "name" })
    record Thing(@Schema(example = "t1") String id, @NotBlank @Schema(example = "First") String name) {
    }

    @RestController
    static class Things {

        static final Map<String, Thing> store = new ConcurrentHashMap<>();

        @PostMapping(path = "/api/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(summary = "Create a thing")
        @RequiresBearer(roles = "ADMIN")
        @AcceptsIdempotencyKey
        @io.swagger.v3.oas.annotations.parameters.RequestBody(
                content = @Content(examples = @ExampleObject(value = "{\"id\":\"t1\",\"name\":\"First\"}")))
        @ApiResponse(responseCode = "201", description = "Created",
                content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = Thing.class),
                        examples = @ExampleObject(value = "{\"id\":\"t1\",\"name\":\"First\"}")))
        @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
        @ApiResponse(responseCode = "409", description = "The name is taken.",
                content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                        examples = @ExampleObject(name = "name-taken",
                                value = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                                        + "\"detail\":\"The name is taken.\",\"instance\":\"/api/things\"}")))
        Mono<Thing> create(@Valid @RequestBody Thing thing) {
            if (store.values().stream().anyMatch(t -> t.name().equals(thing.name()))) {
                throw ProblemException.of(HttpStatus.CONFLICT, "The name is taken.");
            }
            store.put(thing.id(), thing);
            return Mono.just(thing);
        }

        @GetMapping(path = "/api/things/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        @Operation(summary = "Read a thing")
        @RequiresBearer(roles = "ADMIN")
        @ApiResponse(responseCode = "200", description = "The thing",
                content = @Content(schema = @Schema(implementation = Thing.class),
                        examples = @ExampleObject(value = "{\"id\":\"t1\",\"name\":\"First\"}")))
        @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
        Mono<Thing> get(@Parameter(example = "t1") @PathVariable String id) {
            Thing thing = store.get(id);
            return thing == null ? Mono.error(ProblemException.of(HttpStatus.NOT_FOUND, "No such thing."))
                    : Mono.just(thing);
        }

        @GetMapping(path = "/api/things/{id}/broken", produces = MediaType.APPLICATION_JSON_VALUE)
        @Operation(summary = "Answers something else than it documents")
        @RequiresBearer(roles = "ADMIN")
        @ApiResponse(responseCode = "200", description = "The thing",
                content = @Content(schema = @Schema(implementation = Thing.class),
                        examples = @ExampleObject(value = "{\"id\":\"t1\",\"name\":\"First\"}")))
        Mono<Map<String, Object>> broken(@Parameter(example = "t1") @PathVariable String id) {
            return Mono.just(Map.of("id", id, "label", "not a name"));
        }

        @GetMapping(path = "/api/public", produces = MediaType.APPLICATION_JSON_VALUE)
        @Operation(summary = "Needs no token")
        @ApiResponse(responseCode = "200", description = "Up",
                content = @Content(examples = @ExampleObject(value = "{\"status\":\"UP\"}")))
        @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
        Map<String, String> open() {
            return Map.of("status", "UP");
        }

    }

    /** Served, but hidden from the document: the route (b) must report. */
    @RestController
    @Hidden
    static class Undocumented {

        @GetMapping("/api/undocumented/{name}")
        List<String> names(@PathVariable String name) {
            return List.of(name);
        }

    }

}
