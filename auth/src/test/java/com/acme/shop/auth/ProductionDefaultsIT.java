package com.acme.shop.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.acme.shop.infra.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The prod profile ({@code SPRING_PROFILES_ACTIVE=prod}) refuses to start with the local
 * defaults: no PASSWORD_PEPPER, the local ADMIN_PASSWORD, or an ADMIN_PASSWORD the
 * password policy rejects; each error names the variable.
 */
class ProductionDefaultsIT {

    private static final FakeMemberServer MEMBER = new FakeMemberServer();

    private static final String PEPPER = "q83v5Gq0m2b9mQ0X1kq8VtJr2cG6V8S1o8aQz6bq3nE=";

    private static final String STRONG = "quiet copper kettles hum at noon";

    @Test
    void refusesToStartWithoutPasswordPepper() {
        assertThatThrownBy(() -> start(Map.of("shop.auth.admin.password", STRONG)))
            .hasStackTraceContaining("PASSWORD_PEPPER must be set in the prod profile");
    }

    @Test
    void refusesToStartWithTheLocalAdminPassword() {
        assertThatThrownBy(() -> start(
                Map.of("shop.auth.password.pepper", PEPPER, "shop.auth.admin.password", "admin-password-local")))
            .hasStackTraceContaining("ADMIN_PASSWORD is the local default");
    }

    @Test
    void refusesToStartWithAnAdminPasswordThatFailsThePolicy() {
        assertThatThrownBy(() -> start(
                Map.of("shop.auth.password.pepper", PEPPER, "shop.auth.admin.password", "password1234567890")))
            .hasStackTraceContaining("ADMIN_PASSWORD fails the password policy");
    }

    @Test
    void startsWithAPepperAndAStrongAdminPassword() throws Exception {
        String email = "prod-admin-" + UUID.randomUUID() + "@example.com";
        try (ConfigurableApplicationContext context = start(Map.of("shop.auth.password.pepper", PEPPER,
                "shop.auth.admin.password", STRONG, "shop.auth.admin.email", email))) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", STRONG))
                .exchange()
                .expectStatus()
                .isOk();
            assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("prod");
        }
    }

    private static ConfigurableApplicationContext start(Map<String, String> extra) throws Exception {
        Path keyDir = Files.createTempDirectory("auth-prod-keys");
        Map<String, Object> properties = new HashMap<>(TestInfra.springProperties());
        properties.put("server.port", "0");
        properties.put("spring.profiles.active", "prod");
        properties.put("shop.auth.keys.dir", keyDir.toString());
        properties.put("shop.auth.member.url", MEMBER.url());
        properties.put("shop.auth.password.bcrypt-cost", "4");
        properties.put("shop.auth.admin.email", "prod-admin-" + UUID.randomUUID() + "@example.com");
        properties.put("ORDER_SERVICE_SECRET", "order-service-secret-for-the-prod-profile-test");
        properties.putAll(extra);
        String[] args = properties.entrySet()
            .stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
        return new SpringApplicationBuilder(AuthApplication.class).run(args);
    }

}
