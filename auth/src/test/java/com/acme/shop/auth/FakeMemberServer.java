package com.acme.shop.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.acme.shop.common.requestid.RequestIdWebFilter;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.resources.LoopResources;

/** Stands in for member's {@code /internal/members}: records calls and answers with a settable status. */
public final class FakeMemberServer {

    public record Call(String method, String path, String body, String authorization, String requestId) {

        /** The decoded (unverified) payload of the bearer token. */
        public String tokenPayload() {
            String token = authorization.substring("Bearer ".length());
            return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile int createStatus = 201;
    private final DisposableServer server;

    public FakeMemberServer() {
        // own event loop: a Spring context with global Reactor resources would dispose the shared ones
        server = HttpServer.create().runOn(LoopResources.create("fake-member", 1, true)).host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/internal/members", (request, response) -> request.receive().aggregate().asString()
                                .defaultIfEmpty("")
                                .flatMap(body -> {
                                    calls.add(new Call("POST", request.uri(), body,
                                            request.requestHeaders().get("Authorization"), requestId(request)));
                                    return Mono.from(response.status(HttpResponseStatus.valueOf(createStatus))
                                            .header("Content-Type", "application/json")
                                            .sendString(Mono.just(createStatus < 300 ? body : "{}")));
                                }))
                        .delete("/internal/members/{id}", (request, response) -> {
                            calls.add(new Call("DELETE", request.uri(), "", request.requestHeaders().get("Authorization"),
                                    requestId(request)));
                            return response.status(204).send();
                        }))
                .bindNow();
    }

    private static String requestId(HttpServerRequest request) {
        return request.requestHeaders().get(RequestIdWebFilter.HEADER);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public void answerCreateWith(int status) {
        this.createStatus = status;
    }

    public List<Call> calls() {
        return calls;
    }

    public List<Call> callsFor(String text) {
        return calls.stream().filter(call -> call.body().contains(text) || call.path().contains(text)).toList();
    }
}
