package com.acme.shop.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A small reactor-netty server standing in for auth and member behind the gateway: serves the
 * JWKS, records every request it receives and answers with a body unique per execution, so a
 * replay is distinguishable from a second execution.
 */
final class FakeUpstream implements AutoCloseable {

    record Received(String method, String uri, Map<String, String> headers, String body) {
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private final AtomicInteger executions = new AtomicInteger();

    private final AtomicReference<Duration> createDelay = new AtomicReference<>(Duration.ZERO);

    private final DisposableServer server;

    FakeUpstream(String jwks) {
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/.well-known/jwks.json", (req, res) -> res.header("Content-Type", "application/json")
                                .sendString(Mono.just(jwks)))
                        .get("/api/members/slow", (req, res) -> Mono.delay(Duration.ofSeconds(5))
                                .then(res.sendString(Mono.just("{}")).then()))
                        .route(req -> true, this::handle))
                .bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests received for a path (without query), in arrival order. */
    List<Received> received(String method, String path) {
        return received.stream()
                .filter(r -> r.method().equals(method) && r.uri().split("\\?")[0].equals(path))
                .toList();
    }

    void delayCreates(Duration delay) {
        createDelay.set(delay);
    }

    void reset() {
        received.clear();
        createDelay.set(Duration.ZERO);
    }

    private Mono<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        return req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .flatMap(body -> {
                    Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    req.requestHeaders().forEach(e -> headers.merge(e.getKey(), e.getValue(), (a, b) -> a + "," + b));
                    received.add(new Received(req.method().name(), req.uri(), headers, body));
                    int execution = executions.incrementAndGet();
                    String path = req.uri().split("\\?")[0];
                    if (req.method().name().equals("POST") && path.equals("/api/members/fail")) {
                        return res.status(HttpResponseStatus.INTERNAL_SERVER_ERROR)
                                .header("Content-Type", "application/problem+json")
                                .sendString(Mono.just("{\"status\":500}")).then();
                    }
                    if (req.method().name().equals("POST") && path.equals("/api/members/conflict")) {
                        return res.status(HttpResponseStatus.CONFLICT)
                                .header("Content-Type", "application/problem+json")
                                .sendString(Mono.just("{\"status\":409}")).then();
                    }
                    if (req.method().name().equals("POST") && path.equals("/api/members")) {
                        String id = UUID.randomUUID().toString();
                        String json = "{\"id\":\"" + id + "\",\"execution\":" + execution + "}";
                        return Mono.delay(createDelay.get()).then(res.status(HttpResponseStatus.CREATED)
                                .header("Content-Type", "application/json")
                                .header("Location", "/api/members/" + id)
                                .header("ETag", "\"0\"")
                                .header("Set-Cookie", "upstream=" + execution)
                                .header("X-Upstream-Private", "secret")
                                .sendString(Mono.just(json)).then());
                    }
                    String json = "{\"method\":\"" + req.method().name() + "\",\"uri\":\"" + req.uri()
                            + "\",\"execution\":" + execution + "}";
                    return res.status(HttpResponseStatus.OK).header("Content-Type", "application/json")
                            .sendString(Mono.just(json)).then();
                });
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
