package com.acme.shop.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.acme.shop.common.testing.StubServer.Reply;

class StubServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private final StubServer server = StubServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersTheFirstMatchingRouteWithStatusHeadersAndBody() throws Exception {
        server
            .on("POST", "/api/items",
                    request -> Reply.json(201, "{\"got\":" + request.body() + "}").header("ETag", "\"0\""))
            .on(request -> request.path().startsWith("/api/"), request -> Reply.text(200, "prefix"));

        HttpResponse<String> created = send(post("/api/items?x=1", "{\"a\":1}"));
        HttpResponse<String> other = send(HttpRequest.newBuilder(uri("/api/other")).GET().build());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(created.body()).isEqualTo("{\"got\":{\"a\":1}}");
        assertThat(other.body()).isEqualTo("prefix");
    }

    @Test
    void answers404ProblemsAndFailuresUnlessToldOtherwise() throws Exception {
        server.on("GET", "/boom", request -> {
            throw new IllegalStateException("boom");
        });
        assertThat(send(HttpRequest.newBuilder(uri("/nothing")).GET().build()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/boom")).GET().build()).statusCode()).isEqualTo(500);

        server.otherwise(request -> Reply.status(204));
        assertThat(send(HttpRequest.newBuilder(uri("/nothing")).GET().build()).statusCode()).isEqualTo(204);
    }

    @Test
    void recordsEveryRequestUntilReset() throws Exception {
        send(HttpRequest.newBuilder(uri("/a?q=1"))
            .header("X-Request-Id", "trace-1")
            .header("Authorization", "Bearer t")
            .GET()
            .build());
        send(post("/b", "body"));

        assertThat(server.received()).extracting(StubServer.Request::uri).containsExactly("/a?q=1", "/b");
        StubServer.Request first = server.received("GET", "/a").get(0);
        assertThat(first.header("x-request-id")).isEqualTo("trace-1");
        assertThat(first.bearerToken()).isEqualTo("t");
        assertThat(server.received("POST", "/b")).singleElement()
            .extracting(StubServer.Request::body)
            .isEqualTo("body");

        server.reset();
        assertThat(server.received()).isEmpty();
    }

    @Test
    void delaysOrNeverAnswersWhenTold() throws Exception {
        server.on("GET", "/slow", request -> Reply.text(200, "late").delayed(Duration.ofMillis(300)))
            .onAsync(StubServer.request("GET", "/hang"), request -> StubServer.never())
            .onAsync(StubServer.request("GET", "/later"),
                    request -> CompletableFuture.supplyAsync(() -> Reply.text(200, "async")));

        long start = System.nanoTime();
        assertThat(send(HttpRequest.newBuilder(uri("/slow")).GET().build()).body()).isEqualTo("late");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(send(HttpRequest.newBuilder(uri("/later")).GET().build()).body()).isEqualTo("async");
        assertThatThrownBy(
                () -> send(HttpRequest.newBuilder(uri("/hang")).timeout(Duration.ofMillis(300)).GET().build()))
            .isInstanceOf(HttpTimeoutException.class);
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create(server.url() + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
