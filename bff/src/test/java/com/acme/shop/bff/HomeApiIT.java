package com.acme.shop.bff;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.acme.shop.common.requestid.RequestIdWebFilter;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeApiIT {

    @RegisterExtension
    static final StubDownstreams stubs = new StubDownstreams();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        stubs.register(registry);
        registry.add("shop.bff.member.timeout", () -> "700ms");
        registry.add("shop.bff.product.timeout", () -> "700ms");
        registry.add("shop.bff.order.timeout", () -> "700ms");
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(10))
            .build();
    }

    @AfterEach
    void everythingBackUp() {
        stubs.allUp();
    }

    @Test
    void aggregatesUserSessionAndAdminSummaryForAnAdmin() {
        String token = stubs.adminToken();

        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(false)
            .jsonPath("$.unavailable")
            .isEmpty()
            .jsonPath("$.user.name")
            .isEqualTo("Ann Example")
            .jsonPath("$.user.email")
            .isEqualTo("ann@example.com")
            .jsonPath("$.user.roles[1]")
            .isEqualTo("ADMIN")
            .jsonPath("$.session.subject")
            .isEqualTo(StubDownstreams.ADMIN_ID.toString())
            .jsonPath("$.session.roles[1]")
            .isEqualTo("ADMIN")
            .jsonPath("$.session.expiresAt")
            .isEqualTo(StubDownstreams.EXPIRES.toString())
            .jsonPath("$.session.issuedAt")
            .value(startsWith("20"))
            .jsonPath("$.admin.memberCount")
            .isEqualTo(42)
            .jsonPath("$.admin.newestMembers[0].name")
            .isEqualTo("Newest Member")
            .jsonPath("$.admin.newestMembers.length()")
            .isEqualTo(2);

        assertThat(stubs.lastAuthAuthorization()).isEqualTo("Bearer " + token);
        assertThat(stubs.lastMemberAuthorization()).isEqualTo("Bearer " + token);
        assertThat(stubs.lastMembersQuery()).contains("size=5").contains("sort=createdAt");
    }

    @Test
    void passesTheIncomingRequestIdToEveryDownstreamCall() {
        stubs.forgetCalls();

        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.adminToken()))
            .header(RequestIdWebFilter.HEADER, "home-trace-7")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(RequestIdWebFilter.HEADER, "home-trace-7");

        assertThat(stubs.requestIds()).containsOnly(Map.entry("/api/auth/verify", "home-trace-7"),
                Map.entry("/api/members/me", "home-trace-7"), Map.entry("/api/members", "home-trace-7"),
                Map.entry("/api/products", "home-trace-7"), Map.entry("/api/orders", "home-trace-7"));
    }

    @Test
    void passesTheGeneratedRequestIdWhenTheCallerSentNone() {
        stubs.forgetCalls();

        String generated = client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.userToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst(RequestIdWebFilter.HEADER);

        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(stubs.requestIds()).containsOnly(Map.entry("/api/auth/verify", generated),
                Map.entry("/api/members/me", generated), Map.entry("/api/products", generated),
                Map.entry("/api/orders", generated));
    }

    @Test
    void leavesAdminNullForAnOrdinaryUser() {
        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.userToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(false)
            .jsonPath("$.admin")
            .doesNotExist()
            .jsonPath("$.user.roles.length()")
            .isEqualTo(1)
            .jsonPath("$.session.subject")
            .isEqualTo(StubDownstreams.USER_ID.toString());
    }

    @Test
    void degradesInsteadOfFailingWhenMemberHangs() {
        stubs.memberMode.set(StubDownstreams.MemberMode.HANG);
        long started = System.nanoTime();

        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(true)
            .jsonPath("$.unavailable.length()")
            .isEqualTo(2)
            .jsonPath("$.unavailable[0]")
            .isEqualTo("user")
            .jsonPath("$.unavailable[1]")
            .isEqualTo("admin")
            .jsonPath("$.user")
            .doesNotExist()
            .jsonPath("$.admin")
            .doesNotExist()
            .jsonPath("$.session.subject")
            .isEqualTo(StubDownstreams.ADMIN_ID.toString());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void answersAnAnonymousCallerWithTheFeaturedProductsOnly() {
        stubs.forgetCalls();

        client.get()
            .uri("/api/home")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(false)
            .jsonPath("$.unavailable")
            .isEmpty()
            .jsonPath("$.featuredProducts.length()")
            .isEqualTo(3)
            .jsonPath("$.featuredProducts[0].name")
            .isEqualTo("Enamel Camp Mug")
            .jsonPath("$.latestOrders")
            .doesNotExist()
            .jsonPath("$.user")
            .doesNotExist()
            .jsonPath("$.session")
            .doesNotExist()
            .jsonPath("$.admin")
            .doesNotExist();

        assertThat(stubs.product.received()).singleElement()
            .satisfies(request -> assertThat(request.header("Authorization")).isNull());
        assertThat(stubs.requestIds()).containsOnlyKeys("/api/products");
    }

    @Test
    void rejectsATokenSignedByAnUnknownKey() {
        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.tokenSignedByAStranger()))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .value("WWW-Authenticate", containsString("invalid_token"))
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rejectsGarbageBearer() {
        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth("not.a.jwt"))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void servesHealthWithoutTokenTheActuatorOnlyOnTheManagementPort(@LocalManagementPort int managementPort) {
        client.get().uri("/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + managementPort)
            .build()
            .get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
    }

    @Test
    void publishesApiDocsWithHomeSchemaBearerSchemeAndIdempotencyTtl() {
        client.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.paths['/api/home'].get.security.length()")
            .isEqualTo(2)
            .jsonPath("$.paths['/api/home'].get.security[0]")
            .isEmpty()
            .jsonPath("$.paths['/api/home'].get.security[1]['bearer-jwt']")
            .exists()
            .jsonPath("$.paths['/api/home'].get.responses['401']")
            .exists()
            .jsonPath("$.components.schemas.Home.properties.featuredProducts.type")
            .value(type -> assertThat(type.toString()).contains("array").contains("null"))
            .jsonPath("$.components.schemas.Home.properties.latestOrders.type")
            .value(type -> assertThat(type.toString()).contains("array").contains("null"))
            .jsonPath("$.paths['/api/home'].get.responses['200'].content['application/json'].schema['$ref']")
            .isEqualTo("#/components/schemas/Home")
            .jsonPath("$.components.schemas.Home.properties.degraded")
            .exists()
            .jsonPath("$.components.schemas.Home.properties.unavailable")
            .exists()
            .jsonPath("$.components.securitySchemes['bearer-jwt'].scheme")
            .isEqualTo("bearer")
            .jsonPath("$.info.description")
            .value(containsString("24 h"));
    }

    @Test
    void servesSwaggerUiAtDocs() {
        WebTestClient following = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        String location = following.get()
            .uri("/docs")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .returnResult(String.class)
            .getResponseHeaders()
            .getLocation()
            .toString();

        following.get()
            .uri(location)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(containsString("swagger-ui"));
    }

}
