package com.acme.shop.bff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.TestInfra;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** member's URL points at a port nobody listens on: every member call is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeWithMemberDownIT {

    static final StubDownstreams stubs = new StubDownstreams();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.issuer", () -> TestTokens.ISSUER);
        registry.add("shop.jwt.jwks-uri", stubs.tokens::jwksUri);
        registry.add("shop.bff.auth.url", stubs::authUrl);
        registry.add("shop.bff.member.url", StubDownstreams::unusedLocalUrl);
    }

    @AfterAll
    static void stopStubs() {
        stubs.close();
    }

    @Test
    void answers200WithUserAndAdminUnavailableWhenMemberRefusesConnections() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/home").headers(h -> h.setBearerAuth(stubs.adminToken())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.degraded").isEqualTo(true)
                .jsonPath("$.unavailable[0]").isEqualTo("user")
                .jsonPath("$.unavailable[1]").isEqualTo("admin")
                .jsonPath("$.user").doesNotExist()
                .jsonPath("$.admin").doesNotExist()
                .jsonPath("$.session.subject").isEqualTo(StubDownstreams.ADMIN_ID.toString());
    }
}
