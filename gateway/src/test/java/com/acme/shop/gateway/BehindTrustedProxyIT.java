package com.acme.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway behind a TLS proxy: {@code TRUSTED_PROXIES} names the proxy (here the test
 * client's 127.0.0.1), so the client that proxy appended becomes the one address
 * upstreams see; and {@code MANAGEMENT_SERVER_ADDRESS} moves the admin port to another
 * address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
        "TRUSTED_PROXIES=127.0.0.1/32,::1/128", "MANAGEMENT_SERVER_ADDRESS=127.0.0.2" })
class BehindTrustedProxyIT {

    @RegisterExtension
    static final FakeUpstream UPSTREAM = new FakeUpstream();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    WebTestClient client;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAM.register(registry, "AUTH_SERVER_URL", "MEMBER_SERVER_URL", "BFF_SERVER_URL");
    }

    @BeforeEach
    void setUp() {
        client = FakeUpstream.gatewayClient(port);
    }

    @Test
    void sendsAuthTheClientTheTrustedProxySawNotOneTheClientWrote() {
        client.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Forwarded-For", "6.6.6.6, 203.0.113.9")
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk();
        assertThat(UPSTREAM.received("POST", "/api/auth/login").get(0).headers()).containsEntry("X-Forwarded-For",
                "203.0.113.9");
    }

    @Test
    void fallsBackToThePeerWhenTheProxySentNoUsableAddress() {
        client.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Forwarded-For", "not-an-address")
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk();
        assertThat(UPSTREAM.received("POST", "/api/auth/login").get(0).headers()).containsEntry("X-Forwarded-For",
                "127.0.0.1");
    }

    @Test
    void managementPortHonoursItsBindAddress() {
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.2:" + managementPort)
            .build()
            .get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk();
        assertThat(GatewayIT.accepts("127.0.0.2", managementPort)).isTrue();
        assertThat(GatewayIT.accepts("127.0.0.1", managementPort)).isFalse();
    }

}
