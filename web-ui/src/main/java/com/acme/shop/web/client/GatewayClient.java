package com.acme.shop.web.client;

import java.net.URI;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.WebUiProperties;

import reactor.core.publisher.Mono;

/**
 * JSON calls from pages to the gateway, always with {@code Authorization: Bearer}
 * (through {@link AuthorizedCalls}) and the request's {@code X-Request-Id} (the upstream
 * {@code WebClient}'s filter).
 */
@Component
public class GatewayClient {

    private final WebClient client;

    private final String baseUrl;

    private final AuthorizedCalls authorizedCalls;

    private final WebUiProperties properties;

    GatewayClient(WebClient.Builder builder, AuthorizedCalls authorizedCalls, WebUiProperties properties) {
        this.client = builder.clone().build();
        this.baseUrl = properties.gatewayUrl().toString().replaceAll("/+$", "");
        this.authorizedCalls = authorizedCalls;
        this.properties = properties;
    }

    public Mono<GatewayResponse> get(ServerWebExchange exchange, String uri) {
        return send(exchange, HttpMethod.GET, uri, null, headers -> {
        });
    }

    /**
     * A GET without a token, for the public API (the catalog): anonymous visitors have no
     * session tokens, and a public read needs none. An unreachable gateway gives
     * {@link GatewayException} with 503.
     */
    public Mono<GatewayResponse> getPublic(String uri) {
        return client.get()
            .uri(URI.create(baseUrl + uri))
            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
            .exchangeToMono(response -> response.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .map(body -> new GatewayResponse(response.statusCode().value(), response.headers().asHttpHeaders(),
                        body)))
            .timeout(properties.upstreamTimeout())
            .onErrorMap(ex -> new GatewayException(503, "gateway unreachable"));
    }

    /**
     * Sends a request to {@code uri}, a path with an optional query that is already
     * encoded (see {@code MemberQuery#apiUri()}): it is used as it is, never encoded a
     * second time. 401 is handled (refresh and retry, or the session ends); every other
     * status is returned. An unreachable gateway gives {@link GatewayException} with 503.
     */
    public Mono<GatewayResponse> send(ServerWebExchange exchange, HttpMethod method, String uri, Object jsonBody,
            Consumer<HttpHeaders> headers) {
        return authorizedCalls.call(exchange, token -> {
            WebClient.RequestBodySpec spec = client.method(method)
                .uri(URI.create(baseUrl + uri))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .headers(h -> {
                    headers.accept(h);
                    h.setBearerAuth(token);
                });
            WebClient.RequestHeadersSpec<?> ready = jsonBody == null ? spec
                    : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(jsonBody);
            return ready
                .exchangeToMono(response -> response.bodyToMono(byte[].class)
                    .defaultIfEmpty(new byte[0])
                    .map(body -> new GatewayResponse(response.statusCode().value(), response.headers().asHttpHeaders(),
                            body)))
                .timeout(properties.upstreamTimeout())
                .onErrorMap(ex -> new GatewayException(503, "gateway unreachable"));
        }, response -> response.status() == 401);
    }

}
