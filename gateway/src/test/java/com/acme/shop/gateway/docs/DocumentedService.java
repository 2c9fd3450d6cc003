package com.acme.shop.gateway.docs;

import java.util.List;
import java.util.function.UnaryOperator;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;

/**
 * A service behind the gateway that documents itself: a {@link StubServer} serving a
 * small OpenAPI 3.1 spec at {@code /v3/api-docs} (relative server {@code /}, a bearer
 * scheme, one {@code GET} operation) and answering every other request with what it
 * received. It can be stopped and started again on the same port, and made to answer its
 * spec with an error.
 */
final class DocumentedService implements AutoCloseable {

    static final String SPEC_PATH = "/v3/api-docs";

    private final String name;

    private final String operationPath;

    private final UnaryOperator<StubServer> extraRoutes;

    private final String spec;

    private final int port;

    private volatile int specStatus = 200;

    private volatile StubServer server;

    private DocumentedService(String name, String operationPath, UnaryOperator<StubServer> extraRoutes) {
        this.name = name;
        this.operationPath = operationPath;
        this.extraRoutes = extraRoutes;
        this.spec = spec(name, operationPath);
        this.server = serve(StubServer.start());
        this.port = server.port();
    }

    /** A running service documenting {@code GET operationPath}. */
    static DocumentedService start(String name, String operationPath) {
        return new DocumentedService(name, operationPath, UnaryOperator.identity());
    }

    /** As {@link #start(String, String)}, with more routes (e.g. the JWKS). */
    static DocumentedService start(String name, String operationPath, UnaryOperator<StubServer> extraRoutes) {
        return new DocumentedService(name, operationPath, extraRoutes);
    }

    static String spec(String name, String path) {
        return """
                {"openapi":"3.1.0","info":{"title":"%1$s stub API","version":"1.0"},"servers":[{"url":"/"}],\
                "components":{"securitySchemes":{"bearerAuth":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}},\
                "security":[{"bearerAuth":[]}],\
                "paths":{"%2$s":{"get":{"tags":["%1$s"],"operationId":"%1$sGet","summary":"Reads %1$s",\
                "responses":{"200":{"description":"OK"},"401":{"description":"No valid token"}}}}}}
                """.formatted(name, path).strip();
    }

    private StubServer serve(StubServer stub) {
        stub.on("GET", SPEC_PATH, request -> specStatus == 200 ? Reply.json(200, spec)
                : Reply.json(specStatus, "{\"status\":" + specStatus + "}"));
        extraRoutes.apply(stub);
        return stub.otherwise(request -> Reply.json(200, "{\"service\":\"" + name + "\",\"method\":\""
                + request.method() + "\",\"path\":\"" + request.path() + "\"}"));
    }

    String name() {
        return name;
    }

    String operationPath() {
        return operationPath;
    }

    String spec() {
        return spec;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    List<StubServer.Request> received() {
        return server.received();
    }

    List<StubServer.Request> received(String method, String path) {
        return server.received(method, path);
    }

    /** Every request received other than for the spec (or the JWKS). */
    List<StubServer.Request> receivedBesidesSpec() {
        return server.received()
            .stream()
            .filter(request -> !request.path().equals(SPEC_PATH) && !request.path().startsWith("/.well-known/"))
            .toList();
    }

    void reset() {
        server.reset();
        specStatus = 200;
    }

    /**
     * Answers the spec request with {@code status} from now on (until {@link #reset}).
     */
    void answerSpecWith(int status) {
        specStatus = status;
    }

    void stop() {
        server.close();
    }

    /** Listens again, on the same port. */
    void restart() {
        server = serve(StubServer.start(port));
    }

    @Override
    public void close() {
        server.close();
    }

}
