package com.acme.shop.common.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.acme.shop.common.requestid.RequestIdWebFilter;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * Serves a JWKS over real HTTP at {@value #PATH} (a {@link StubServer}, started on the
 * first {@link #uri()}), with a replaceable key set and what the fetches looked like (how
 * many, the last X-Request-Id). {@link TestTokens} keeps one for its signing key.
 */
public final class JwksServer implements AutoCloseable {

    public static final String PATH = "/.well-known/jwks.json";

    private final AtomicReference<String> json = new AtomicReference<>();

    private StubServer server;

    public JwksServer(JWK... keys) {
        publish(keys);
    }

    /** Replaces the served key set. */
    public void publish(JWK... keys) {
        json.set(new JWKSet(List.of(keys)).toString(true));
    }

    /** The JWKS currently served. */
    public String json() {
        return json.get();
    }

    /** The URL of the JWKS; starts the server (127.0.0.1, a free port) on first use. */
    public synchronized String uri() {
        if (server == null) {
            server = StubServer.start().on("GET", PATH, request -> StubServer.Reply.json(200, json.get()));
        }
        return server.url() + PATH;
    }

    /** How often the JWKS was fetched. */
    public synchronized int hits() {
        return server == null ? 0 : server.received("GET", PATH).size();
    }

    /** The X-Request-Id of the last fetch ({@code null}: none or without one). */
    public synchronized String lastRequestId() {
        List<StubServer.Request> fetches = server == null ? List.of() : server.received("GET", PATH);
        return fetches.isEmpty() ? null : fetches.get(fetches.size() - 1).header(RequestIdWebFilter.HEADER);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

}
