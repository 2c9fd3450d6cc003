package com.acme.shop.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.acme.shop.infra.TestInfra;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the ITs: auth on a random port over real HTTP, real PostgreSQL and Redis from
 * TestInfra, a fake member service; bcrypt cost 4 and a short throttling delay (400 ms
 * doubling up to 2 s). The test client connects from loopback, configured as a trusted
 * proxy: every test uses its own e-mails and its own client IP (X-Forwarded-For), so
 * tests do not share throttling or rate-limit state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AuthItSupport {

    protected static final FakeMemberServer MEMBER = new FakeMemberServer();

    protected static final Path KEY_DIR = tempDir();

    protected static final String ADMIN_EMAIL = "admin@it.local";

    protected static final String ADMIN_PASSWORD = "bootstrap admin passphrase 42";

    protected static final String PASSWORD = "blue otter sings at dawn";

    @LocalServerPort
    protected int port;

    protected WebTestClient http;

    protected String clientIp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.auth.member.url", MEMBER::url);
        registry.add("shop.auth.member.timeout", () -> "2s");
        registry.add("shop.auth.keys.dir", KEY_DIR::toString);
        registry.add("shop.auth.password.bcrypt-cost", () -> "4");
        registry.add("shop.auth.login.base-delay", () -> "400ms");
        registry.add("shop.auth.login.max-delay", () -> "2s");
        registry.add("shop.auth.login.ip-limit", () -> "20");
        registry.add("shop.auth.registration.ip-limit", () -> "10");
        registry.add("shop.auth.registration.bcrypt.max-concurrent", () -> "2");
        registry.add("shop.auth.registration.bcrypt.max-queued", () -> "4");
        registry.add("shop.auth.registration.bcrypt.max-wait", () -> "1s");
        // the test client is the trusted proxy, so each test's X-Forwarded-For is its
        // client address
        registry.add("shop.trusted-proxies", () -> "127.0.0.1/32,::1/128");
        registry.add("shop.auth.admin.email", () -> ADMIN_EMAIL);
        registry.add("shop.auth.admin.password", () -> ADMIN_PASSWORD);
        registry.add("spring.data.redis.timeout", () -> "1s");
    }

    @BeforeEach
    void client() {
        MEMBER.answerCreateWith(201);
        clientIp = "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16)) + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
        http = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .defaultHeader("X-Forwarded-For", clientIp)
            .build();
    }

    /**
     * The per-address limits count in fixed windows aligned to the clock
     * ({@code RateLimiter}: a one-minute window starts on every full minute). A test that
     * fills a window must not run across its end, or its last requests land in a fresh
     * window and are not refused. Waits, when needed, until the current window has at
     * least {@code needed} left: at most {@code needed}.
     */
    protected static void awaitRateWindowWithAtLeast(Duration window, Duration needed) {
        long windowMillis = window.toMillis();
        Awaitility.await()
            .atMost(needed.plusSeconds(1))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> windowMillis - Math.floorMod(System.currentTimeMillis(), windowMillis) >= needed.toMillis());
    }

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    protected WebTestClient.ResponseSpec register(String email, String password, String name) {
        return http.post()
            .uri("/api/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password, "name", name))
            .exchange();
    }

    protected WebTestClient.ResponseSpec login(String email, String password) {
        return http.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password))
            .exchange();
    }

    protected WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post()
            .uri("/api/auth/refresh")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("refresh_token", refreshToken))
            .exchange();
    }

    protected WebTestClient.ResponseSpec verify(String accessToken) {
        return http.get().uri("/api/auth/verify").headers(h -> h.setBearerAuth(accessToken)).exchange();
    }

    protected WebTestClient.ResponseSpec logout(String accessToken, String refreshToken) {
        return http.post()
            .uri("/api/auth/logout")
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> h.setBearerAuth(accessToken))
            .bodyValue(Map.of("refresh_token", refreshToken))
            .exchange();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> registeredAndLoggedIn(String email) {
        register(email, PASSWORD, "Test User").expectStatus().isCreated();
        return login(email, PASSWORD).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("auth-it-keys");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
