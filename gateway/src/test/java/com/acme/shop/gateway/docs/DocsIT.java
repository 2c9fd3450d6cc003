package com.acme.shop.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.acme.shop.common.testing.StubServer.Reply;
import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.TestInfra;

/**
 * The Swagger UI at {@code /docs} and the spec routes behind it, over real HTTP, in front
 * of three stub services (auth, member, bff) that serve small OpenAPI specs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "UPSTREAM_RESPONSE_TIMEOUT=2s", "UPSTREAM_CONNECT_TIMEOUT_MS=500" })
class DocsIT {

    static final TestTokens TOKENS = TestTokens.create();

    static final DocumentedService AUTH = DocumentedService.start("auth", "/api/auth/verify",
            stub -> stub.on("GET", "/.well-known/jwks.json", request -> Reply.json(200, TOKENS.jwksJson())));

    static final DocumentedService MEMBER = DocumentedService.start("member", "/api/members/me");

    static final DocumentedService BFF = DocumentedService.start("bff", "/api/home");

    static final List<DocumentedService> SERVICES = List.of(AUTH, MEMBER, BFF);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    WebTestClient client;

    WebTestClient admin;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("AUTH_SERVER_URL", AUTH::url);
        registry.add("MEMBER_SERVER_URL", MEMBER::url);
        registry.add("BFF_SERVER_URL", BFF::url);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.forEach(DocumentedService::close);
    }

    @BeforeEach
    void setUp() {
        SERVICES.forEach(DocumentedService::reset);
        client = WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
        admin = WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + managementPort)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
    }

    // --- the page
    // ------------------------------------------------------------------------------------

    @Test
    void docsRedirectsToTheSwaggerUiPage() {
        for (String path : List.of("/docs", "/docs/")) {
            client.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/docs/index.html");
        }
        client.get()
            .uri("/docs/index.html")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectHeader()
            .valueEquals(DocsContentSecurityPolicy.HEADER, DocsContentSecurityPolicy.POLICY)
            .expectHeader()
            .valueEquals("X-Frame-Options", "DENY")
            .expectHeader()
            .valueEquals("X-Content-Type-Options", "nosniff")
            .expectBody(String.class)
            .value(page -> assertThat(page).contains("id=\"swagger-ui\"")
                .contains("/webjars/swagger-ui/swagger-ui-bundle.js")
                .contains("/docs/swagger-initializer.js")
                .doesNotContain("<script>")
                .doesNotContain("style="));
    }

    @Test
    void servesSwaggerUiAssetsWithoutAToken() {
        client.get()
            .uri("/docs/swagger-initializer.js")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(script -> assertThat(script).contains("configUrl: '/docs/swagger-config'"));
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css",
                "index.css", "favicon-32x32.png")) {
            client.get().uri("/webjars/swagger-ui/" + asset).exchange().expectStatus().isOk();
        }
    }

    @Test
    void swaggerConfigListsEveryServiceSpec() {
        client.get()
            .uri("/docs/swagger-config")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .json("""
                    {"urls": [
                      {"name": "auth", "url": "/docs/specs/auth"},
                      {"name": "member", "url": "/docs/specs/member"},
                      {"name": "bff", "url": "/docs/specs/bff"},
                      {"name": "product", "url": "/docs/specs/product"},
                      {"name": "order", "url": "/docs/specs/order"}
                    ]}
                    """, JsonCompareMode.STRICT);
    }

    // --- the spec routes
    // -----------------------------------------------------------------------------

    @Test
    void eachSpecComesFromItsServiceThroughTheGatewayWithoutAToken() {
        for (DocumentedService service : SERVICES) {
            client.get()
                .uri("/docs/specs/" + service.name())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .isEqualTo(service.spec());
            assertThat(service.received("GET", DocumentedService.SPEC_PATH)).hasSize(1);
            assertThat(service.receivedBesidesSpec()).isEmpty();
        }
    }

    @Test
    void specRequestsCarryNoCredentialsAndNoQueryUpstream() {
        String token = TOKENS.user(UUID.randomUUID().toString());
        client.get()
            .uri("/docs/specs/member?group=x&url=/api/members")
            .headers(h -> h.setBearerAuth(token))
            .header(HttpHeaders.COOKIE, "SID=secret-session")
            .exchange()
            .expectStatus()
            .isOk();
        var received = MEMBER.received("GET", DocumentedService.SPEC_PATH);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).uri()).isEqualTo(DocumentedService.SPEC_PATH);
        assertThat(received.get(0).headers()).doesNotContainKeys(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE)
            .containsKey("X-Request-Id");
    }

    @Test
    void unknownSpecIs404Problem() {
        for (String path : List.of("/docs/specs/payment", "/docs/specs/AUTH", "/docs/specs/auth/", "/docs/specs/",
                "/docs/specs")) {
            client.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        SERVICES.forEach(service -> assertThat(service.received()).isEmpty());
    }

    @Test
    void onlyGetReadsASpec() {
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            client.method(method)
                .uri("/docs/specs/auth")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(AUTH.received()).isEmpty();
    }

    /**
     * Sent byte for byte (no client-side normalisation): none of these reaches anything
     * but 400/404 at the gateway, and no service sees a request.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/docs/specs/auth/../../api/members", "/docs/specs/auth/..%2F..%2Fapi%2Fmembers",
            "/docs/specs/auth%2F..%2F..%2Fapi%2Fmembers", "/docs/specs/auth%2f..%2f..%2fapi%2fmembers",
            "/docs/specs/%2e%2e/%2e%2e/api/members", "/docs/specs/auth/%2e%2e/%2e%2e/api/members",
            "/docs/specs/auth/%252e%252e/%252e%252e/api/members", "/docs/specs/auth;x=/../../api/members",
            "/docs/specs/auth%3B/../../api/members", "/docs/specs/..;/..;/api/members",
            "/docs/specs/auth\\..\\..\\api\\members", "/docs/specs/auth%5C..%5C..%5Capi%5Cmembers", "/docs/specs//auth",
            "//docs/specs/auth", "/docs/specs/auth%00", "/docs/specs/auth%3F/../../api/members",
            "/docs/specs/auth/%2e%2e%2f%2e%2e%2fapi/members", "/docs/specs/./auth", "/docs/./specs/auth/../bff",
            "/docs/specs/member/../../../api/members/me" })
    void docsPathsCannotReachOtherUpstreamPaths(String path) throws IOException {
        int status = rawGet(path);
        assertThat(status).as(path).isIn(400, 404);
        SERVICES.forEach(service -> assertThat(service.received()).as(path).isEmpty());
    }

    @Test
    void onlyTheSpecPathsBecamePublic() {
        client.get()
            .uri("/api/members/me")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals("X-Frame-Options", "DENY");
        client.get().uri("/api/auth/verify").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/home").exchange().expectStatus().isUnauthorized();
        SERVICES.forEach(service -> assertThat(service.receivedBesidesSpec()).isEmpty());
    }

    @Test
    void aStoppedServiceIsAProblemWhileTheOthersStillLoad() {
        BFF.stop();
        try {
            client.get()
                .uri("/docs/specs/bff")
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isIn(502, 503))
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).doesNotContain("127.0.0.1"));
            client.get().uri("/docs/specs/auth").exchange().expectStatus().isOk();
            client.get().uri("/docs/specs/member").exchange().expectStatus().isOk();
            client.get()
                .uri("/docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls[2].url")
                .isEqualTo("/docs/specs/bff");
            admin.get()
                .uri("/actuator/apidocs/bff")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        finally {
            BFF.restart();
        }
        client.get().uri("/docs/specs/bff").exchange().expectStatus().isOk();
    }

    // --- the admin port
    // ------------------------------------------------------------------------------

    @Test
    void adminPortListsTheSpecs() {
        admin.get()
            .uri("/actuator/apidocs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.services.auth.spec")
            .isEqualTo(AUTH.url() + "/v3/api-docs")
            .jsonPath("$.services.member.gateway")
            .isEqualTo("/docs/specs/member")
            .jsonPath("$.services.bff.spec")
            .isEqualTo(BFF.url() + "/v3/api-docs");
    }

    @Test
    void adminPortServesEachRawSpecStraightFromItsService() {
        for (DocumentedService service : SERVICES) {
            admin.get()
                .uri("/actuator/apidocs/" + service.name())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .isEqualTo(service.spec());
            assertThat(service.received("GET", DocumentedService.SPEC_PATH)).hasSize(1);
        }
        // the public port does not have the admin endpoint
        client.get().uri("/actuator/apidocs/auth").exchange().expectStatus().isNotFound();
    }

    @Test
    void adminPortAnswersProblemsForUnknownAndFailingServices() {
        admin.get()
            .uri("/actuator/apidocs/payment")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        MEMBER.answerSpecWith(500);
        admin.get()
            .uri("/actuator/apidocs/member")
            .exchange()
            .expectStatus()
            .isEqualTo(502)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("The service answered 500 for its API description.");
    }

    /** GET {@code rawPath} exactly as written; the status code of the answer. */
    private int rawGet(String rawPath) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String statusLine = Stream.of(response.split("\r\n", 2)).findFirst().orElse("");
            assertThat(statusLine).as(rawPath).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

}
