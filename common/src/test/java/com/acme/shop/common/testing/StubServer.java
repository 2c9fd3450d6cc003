package com.acme.shop.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server standing in for another service in tests (JDK
 * {@code com.sun.net.httpserver}, so it shares no event loop with the application under
 * test and needs nothing beyond the JDK): handlers registered per method and path (or any
 * predicate), first match wins; every request is recorded (method, uri, headers, body);
 * answers carry a status, headers, a body and an optional delay; an {@link AsyncHandler}
 * may answer later or never (a hanging upstream).
 *
 * <pre>{@code
 * StubServer server = StubServer.start()
 *         .on("GET", "/api/members/me", request -> Reply.json(200, "{\"id\":\"...\"}"))
 *         .on(request -> request.path().startsWith("/api/echo"), request -> Reply.text(200, request.body()));
 * client.baseUrl(server.url());
 * server.received("GET", "/api/members/me");
 * }</pre>
 *
 * Unmatched requests get 404 (or what {@link #otherwise} says). Published to the other
 * modules' tests in common's {@code test-jar}.
 */
public final class StubServer implements AutoCloseable {

    /**
     * One request as received; {@code headers} are case-insensitive, repeated values
     * joined with {@code ","}.
     */
    public record Request(String method, String uri, Map<String, String> headers, String body) {

        /** The path without the query. */
        public String path() {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }

        /** A header's value, {@code null} when absent (case-insensitive name). */
        public String header(String name) {
            return headers.get(name);
        }

        /**
         * The bearer token of the Authorization header, {@code null} when there is none.
         */
        public String bearerToken() {
            String authorization = header("Authorization");
            return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        }
    }

    /**
     * An answer: status, headers, body (UTF-8) and an optional delay before it is sent.
     */
    public record Reply(int status, Map<String, String> headers, String body, Duration delay) {

        public static Reply status(int status) {
            return new Reply(status, Map.of(), "", Duration.ZERO);
        }

        /**
         * {@code application/json}, or {@code application/problem+json} for a status of
         * 400 or more.
         */
        public static Reply json(int status, String body) {
            return withBody(status, status >= 400 ? "application/problem+json" : "application/json", body);
        }

        public static Reply text(int status, String body) {
            return withBody(status, "text/plain", body);
        }

        private static Reply withBody(int status, String contentType, String body) {
            return status(status).header("Content-Type", contentType).withBody(body);
        }

        /**
         * This reply with one more header (a repeated name replaces the earlier value).
         */
        public Reply header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, Map.copyOf(more), body, delay);
        }

        public Reply withBody(String body) {
            return new Reply(status, headers, body, delay);
        }

        /** This reply, sent only after {@code delay} (without blocking the server). */
        public Reply delayed(Duration delay) {
            return new Reply(status, headers, body, delay);
        }
    }

    @FunctionalInterface
    public interface Handler {

        Reply answer(Request request) throws Exception;

    }

    /**
     * Answers when the stage completes; a stage that never completes leaves the client
     * waiting.
     */
    @FunctionalInterface
    public interface AsyncHandler {

        CompletionStage<Reply> answer(Request request);

    }

    private record Route(Predicate<Request> when, AsyncHandler handler) {
    }

    private static final CompletableFuture<Reply> NEVER = new CompletableFuture<>();

    private final HttpServer server;

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stub-server");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    private final ConcurrentLinkedQueue<Request> received = new ConcurrentLinkedQueue<>();

    private volatile AsyncHandler otherwise = sync(request -> Reply.status(404));

    private StubServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** A server on 127.0.0.1 and a free port. */
    public static StubServer start() {
        return new StubServer(0);
    }

    /** A server on 127.0.0.1 and the given port. */
    public static StubServer start(int port) {
        return new StubServer(port);
    }

    /**
     * A predicate for one method (any when {@code null}) and one exact path (query
     * ignored).
     */
    public static Predicate<Request> request(String method, String path) {
        return request -> (method == null || method.equals(request.method())) && path.equals(request.path());
    }

    /** Answers {@code method path} (exact, query ignored) with {@code handler}. */
    public StubServer on(String method, String path, Handler handler) {
        return on(request(method, path), handler);
    }

    public StubServer on(Predicate<Request> when, Handler handler) {
        return onAsync(when, sync(handler));
    }

    public StubServer onAsync(Predicate<Request> when, AsyncHandler handler) {
        routes.add(new Route(when, handler));
        return this;
    }

    /** Answers every request no route matched (instead of 404). */
    public StubServer otherwise(Handler handler) {
        this.otherwise = sync(handler);
        return this;
    }

    /** A stage that never completes: the request hangs until the client gives up. */
    public static CompletionStage<Reply> never() {
        return NEVER;
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request received, in arrival order. */
    public List<Request> received() {
        return List.copyOf(received);
    }

    /**
     * The requests received for {@code method} (any when {@code null}) and an exact path,
     * in arrival order.
     */
    public List<Request> received(String method, String path) {
        return received.stream().filter(request(method, path)).toList();
    }

    /** Forgets the requests received (the routes stay). */
    public void reset() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static AsyncHandler sync(Handler handler) {
        return request -> {
            try {
                return CompletableFuture.completedFuture(handler.answer(request));
            }
            catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }

    private void exchange(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                java.util.Collections.unmodifiableMap(headers), body);
        received.add(request);
        AsyncHandler handler = routes.stream()
            .filter(route -> route.when().test(request))
            .findFirst()
            .map(Route::handler)
            .orElse(otherwise);
        handler.answer(request).whenComplete((reply, failure) -> {
            Reply answer = failure == null ? reply : Reply.text(500, "stub failed: " + failure);
            if (answer.delay().isZero() || answer.delay().isNegative()) {
                send(exchange, answer);
            }
            else {
                CompletableFuture.delayedExecutor(answer.delay().toMillis(), TimeUnit.MILLISECONDS, executor)
                    .execute(() -> send(exchange, answer));
            }
        });
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try (exchange) {
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            boolean noBody = bytes.length == 0 || reply.status() == 204 || reply.status() == 304
                    || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : bytes.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
        catch (IOException e) {
            // the client went away (e.g. it timed out): nothing to answer
        }
    }

}
