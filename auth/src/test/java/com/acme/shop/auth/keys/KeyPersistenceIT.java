package com.acme.shop.auth.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.acme.shop.auth.AuthApplication;
import com.acme.shop.auth.FakeMemberServer;
import com.acme.shop.infra.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without JWT_SIGNING_KEY (PASSWORD_PEPPER) the key (pepper) is generated once into
 * JWT_KEY_DIR: a second instance (or a restart) on the same directory publishes the same
 * JWKS, accepts the first one's tokens and verifies the password hashes it wrote.
 */
class KeyPersistenceIT {

    private static final FakeMemberServer MEMBER = new FakeMemberServer();

    @Test
    @SuppressWarnings("unchecked")
    void instancesSharingTheKeyDirectoryPublishTheSameKeysAndAcceptEachOthersTokens() throws Exception {
        Path keyDir = Files.createTempDirectory("auth-keys-shared");
        String email = "keys-" + UUID.randomUUID() + "@example.com";
        String password = "a long and unusual passphrase";

        try (ConfigurableApplicationContext first = start(keyDir)) {
            WebTestClient a = client(first);
            Map<String, Object> jwksA = jwks(a);
            a.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password, "name", "Keys"))
                .exchange()
                .expectStatus()
                .isCreated();
            String accessToken = (String) a.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("access_token");

            try (ConfigurableApplicationContext second = start(keyDir)) {
                WebTestClient b = client(second);
                assertThat(jwks(b)).isEqualTo(jwksA);
                b.get()
                    .uri("/api/auth/verify")
                    .headers(h -> h.setBearerAuth(accessToken))
                    .exchange()
                    .expectStatus()
                    .isOk();
                // the password pepper generated next to the key is shared too: the hash
                // written by the first verifies
                b.post()
                    .uri("/api/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", email, "password", password))
                    .exchange()
                    .expectStatus()
                    .isOk();
            }
            first.close();

            try (ConfigurableApplicationContext restarted = start(keyDir)) {
                assertThat(jwks(client(restarted))).isEqualTo(jwksA);
                client(restarted).post()
                    .uri("/api/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", email, "password", password))
                    .exchange()
                    .expectStatus()
                    .isOk();
            }
        }
    }

    private static ConfigurableApplicationContext start(Path keyDir) {
        Map<String, Object> properties = new HashMap<>(TestInfra.springProperties());
        properties.put("server.port", "0");
        properties.put("shop.auth.keys.dir", keyDir.toString());
        properties.put("shop.auth.member.url", MEMBER.url());
        properties.put("shop.auth.password.bcrypt-cost", "4");
        properties.put("shop.auth.admin.password", "");
        // command-line arguments, so they win over application.yml (builder properties
        // are only defaults)
        String[] args = properties.entrySet()
            .stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
        return new SpringApplicationBuilder(AuthApplication.class).run(args);
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jwks(WebTestClient client) {
        return client.get()
            .uri("/.well-known/jwks.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    }

}
