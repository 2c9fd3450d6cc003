package com.acme.shop.auth;

import java.util.List;

import com.acme.shop.common.requestid.RequestIdWebFilter;
import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;
import com.acme.shop.common.testing.TestTokens;

/**
 * Stands in for member's {@code /internal/members} (a {@link StubServer}): records calls
 * and answers with a settable status.
 */
public final class FakeMemberServer {

    public record Call(String method, String path, String body, String authorization, String requestId) {

        /** The decoded (unverified) payload of the bearer token. */
        public String tokenPayload() {
            return TestTokens.payload(authorization.substring("Bearer ".length()));
        }
    }

    private volatile int createStatus = 201;

    private final StubServer server = StubServer.start()
        .on("POST", "/internal/members",
                request -> Reply.json(createStatus, createStatus < 300 ? request.body() : "{}")
                    .header("Content-Type", "application/json"))
        .on(request -> request.method().equals("DELETE") && request.path().startsWith("/internal/members/"),
                request -> Reply.status(204));

    public String url() {
        return server.url();
    }

    public void answerCreateWith(int status) {
        this.createStatus = status;
    }

    public List<Call> calls() {
        return server.received()
            .stream()
            .map(request -> new Call(request.method(), request.uri(), request.body(), request.header("Authorization"),
                    request.header(RequestIdWebFilter.HEADER)))
            .toList();
    }

    public List<Call> callsFor(String text) {
        return calls().stream().filter(call -> call.body().contains(text) || call.path().contains(text)).toList();
    }

}
