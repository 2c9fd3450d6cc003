package com.acme.shop.bff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** member's URL points at a port nobody listens on: every member call is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeWithMemberDownIT {

    @RegisterExtension
    static final StubDownstreams stubs = new StubDownstreams();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        stubs.register(registry, StubDownstreams::unusedLocalUrl);
    }

    @Test
    void answers200WithUserAndAdminUnavailableWhenMemberRefusesConnections() {
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .build()
            .get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(true)
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
    }

}
