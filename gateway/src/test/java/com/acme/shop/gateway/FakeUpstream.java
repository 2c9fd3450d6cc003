package com.acme.shop.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;

/**
 * Stands in for auth and member behind the gateway (a {@link StubServer}): serves the JWKS, records every other
 * request and answers with a body unique per execution, so a replay is distinguishable from a second execution.
 */
final class FakeUpstream implements AutoCloseable {


    private static final String JWKS = "/.well-known/jwks.json";

    private static final String SLOW = "/api/members/slow";

    private final AtomicInteger executions = new AtomicInteger();

    private final AtomicReference<Duration> createDelay = new AtomicReference<>(Duration.ZERO);

    private final StubServer server;

    FakeUpstream(String jwks) {
        this.server = StubServer.start()
                .on("GET", JWKS, request -> Reply.json(200, jwks))
                .onAsync(StubServer.request("GET", SLOW),
                        request -> CompletableFuture.completedFuture(Reply.json(200, "{}").delayed(Duration.ofSeconds(5))))
                .on("POST", "/api/members/fail", request -> problem(500))
                .on("POST", "/api/members/conflict", request -> problem(409))
                .on("POST", "/api/members", request -> created(executions.incrementAndGet()))
                .otherwise(request -> Reply.json(200, "{\"method\":\"" + request.method() + "\",\"uri\":\""
                        + request.uri() + "\",\"execution\":" + executions.incrementAndGet() + "}"));
    }

    private static Reply problem(int status) {
        return Reply.json(status, "{\"status\":" + status + "}");
    }

    private Reply created(int execution) {
        String id = UUID.randomUUID().toString();
        return Reply.json(201, "{\"id\":\"" + id + "\",\"execution\":" + execution + "}")
                .header("Location", "/api/members/" + id)
                .header("ETag", "\"0\"")
                .header("Set-Cookie", "upstream=" + execution)
                .header("X-Upstream-Private", "secret")
                .delayed(createDelay.get());
    }

    String url() {
        return server.url();
    }

    List<StubServer.Request> received() {
        return server.received().stream()
                .filter(request -> !request.path().equals(JWKS) && !request.path().equals(SLOW))
                .toList();
    }

    /** Requests received for a path (without query), in arrival order. */
    List<StubServer.Request> received(String method, String path) {
        return server.received(method, path);
    }

    void delayCreates(Duration delay) {
        createDelay.set(delay);
    }

    void reset() {
        server.reset();
        createDelay.set(Duration.ZERO);
    }

    @Override
    public void close() {
        server.close();
    }
}
