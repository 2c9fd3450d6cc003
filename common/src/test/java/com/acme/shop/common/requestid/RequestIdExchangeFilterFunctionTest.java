package com.acme.shop.common.requestid;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outgoing calls over real HTTP to a server that answers with the X-Request-Id it
 * received ("none" without one).
 */
class RequestIdExchangeFilterFunctionTest {

    private static final DisposableServer ECHO = HttpServer.create()
        .runOn(LoopResources.create("request-id-echo", 1, true))
        .host("127.0.0.1")
        .port(0)
        .handle((request, response) -> response
            .sendString(Mono.just(String.valueOf(request.requestHeaders().getAll(RequestIdWebFilter.HEADER)))))
        .bindNow();

    private final WebClient client = RequestIdExchangeFilterFunction.webClientBuilder()
        .baseUrl("http://127.0.0.1:" + ECHO.port())
        .build();

    @AfterAll
    static void stop() {
        ECHO.disposeNow();
    }

    @Test
    void sendsTheRequestIdOfTheReactorContext() {
        assertThat(call(client.get()
            .uri("/")
            .retrieve()
            .bodyToMono(String.class)
            .contextWrite(ctx -> ctx.put(RequestIdWebFilter.CONTEXT_KEY, "incoming-42")))).isEqualTo("[incoming-42]");
    }

    @Test
    void sendsNoRequestIdOutsideARequest() {
        assertThat(call(client.get().uri("/").retrieve().bodyToMono(String.class))).isEqualTo("[]");
    }

    @Test
    void keepsARequestIdTheCallerSetItself() {
        assertThat(call(client.get()
            .uri("/")
            .header(RequestIdWebFilter.HEADER, "explicit-1")
            .retrieve()
            .bodyToMono(String.class)
            .contextWrite(ctx -> ctx.put(RequestIdWebFilter.CONTEXT_KEY, "incoming-42")))).isEqualTo("[explicit-1]");
    }

    @Test
    void addsToABuilderOfTheCallersOwn() {
        WebClient own = WebClient.builder()
            .baseUrl("http://127.0.0.1:" + ECHO.port())
            .filter(RequestIdExchangeFilterFunction.create())
            .build();
        assertThat(call(own.get()
            .uri("/")
            .retrieve()
            .bodyToMono(String.class)
            .contextWrite(ctx -> ctx.put(RequestIdWebFilter.CONTEXT_KEY, "own-7")))).isEqualTo("[own-7]");
    }

    private static String call(Mono<String> response) {
        return response.block(Duration.ofSeconds(5));
    }

}
