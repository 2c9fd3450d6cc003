package com.acme.shop.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.acme.shop.infra.TestInfra;

/**
 * Base of the integration tests: the real web-ui on a random port, real Redis
 * (TestInfra), stub auth and gateway servers. All subclasses share one application
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WebUiIT {

    public static final String COOKIE = "SID";

    @LocalServerPort
    protected int port;

    @Autowired
    protected ReactiveStringRedisTemplate redis;

    protected final StubUpstreams stubs = StubUpstreams.get();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.web.auth-server-url", () -> StubUpstreams.get().authUrl());
        registry.add("shop.web.gateway-url", () -> StubUpstreams.get().gatewayUrl());
    }

    @BeforeEach
    void resetStubs() {
        stubs.reset();
    }

    WebTestClient client() {
        return WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(java.time.Duration.ofSeconds(20))
            .build();
    }

    Browser browser() {
        return new Browser(client());
    }

    Browser loggedIn(String email) {
        Browser browser = browser();
        browser.login(email, StubUpstreams.PASSWORD);
        return browser;
    }

    /** Whether the session with this id still exists in Redis. */
    boolean sessionExists(String id) {
        return Boolean.TRUE.equals(redis.hasKey("shop:web:session:sessions:" + id).block());
    }

}
