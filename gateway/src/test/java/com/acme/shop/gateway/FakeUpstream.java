package com.acme.shop.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;
import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.TestInfra;

/**
 * Stands in for auth and member behind the gateway (a {@link StubServer}): serves the
 * JWKS, records every other request and answers with a body unique per execution, so a
 * replay is distinguishable from a second execution. Registered as a JUnit extension
 * ({@code @RegisterExtension static final FakeUpstream UPSTREAM}) it forgets the requests
 * before each test and stops after the class.
 */
final class FakeUpstream implements BeforeEachCallback, AfterAllCallback, AutoCloseable {

    private static final String JWKS = "/.well-known/jwks.json";

    private static final String SLOW = "/api/members/slow";

    /**
     * A create that takes half a second, so that concurrent duplicates arrive while it
     * runs.
     */
    static final String RACE = "/api/members/race";

    private final AtomicInteger executions = new AtomicInteger();

    private final StubServer server;

    /** Serving the JWKS of a fresh {@link TestTokens}. */
    FakeUpstream() {
        this(TestTokens.create().jwksJson());
    }

    FakeUpstream(String jwks) {
        this.server = StubServer.start()
            .on("GET", JWKS, request -> Reply.json(200, jwks))
            .on("GET", SLOW, request -> Reply.json(200, "{}").delayed(Duration.ofSeconds(5)))
            .on("POST", "/api/members", request -> created(executions.incrementAndGet()))
            .on("POST", RACE, request -> created(executions.incrementAndGet()).delayed(Duration.ofMillis(500)))
            .otherwise(request -> Reply.json(200, "{\"method\":\"" + request.method() + "\",\"uri\":\"" + request.uri()
                    + "\",\"execution\":" + executions.incrementAndGet() + "}"));
    }

    private static Reply created(int execution) {
        String id = UUID.randomUUID().toString();
        return Reply.json(201, "{\"id\":\"" + id + "\",\"execution\":" + execution + "}")
            .header("Location", "/api/members/" + id)
            .header("ETag", "\"0\"")
            .header("Set-Cookie", "upstream=" + execution)
            .header("X-Upstream-Private", "secret");
    }

    /**
     * The test Redis, and each of {@code urlProperties} (e.g. {@code AUTH_SERVER_URL})
     * pointing here.
     */
    void register(DynamicPropertyRegistry registry, String... urlProperties) {
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        for (String property : urlProperties) {
            registry.add(property, this::url);
        }
    }

    /**
     * A client of the gateway under test (listening on {@code port}, in front of this
     * upstream).
     */
    static WebTestClient gatewayClient(int port) {
        return WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
    }

    String url() {
        return server.url();
    }

    List<StubServer.Request> received() {
        return server.received()
            .stream()
            .filter(request -> !request.path().equals(JWKS) && !request.path().equals(SLOW))
            .toList();
    }

    /** Requests received for a path (without query), in arrival order. */
    List<StubServer.Request> received(String method, String path) {
        return server.received(method, path);
    }

    void reset() {
        server.reset();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.close();
    }

}
