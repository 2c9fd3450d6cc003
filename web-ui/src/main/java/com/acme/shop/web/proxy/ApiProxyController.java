package com.acme.shop.web.proxy;

import java.util.List;
import java.util.Set;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.common.idempotency.IdempotencyKeys;
import com.acme.shop.web.WebUiProperties;
import com.acme.shop.web.client.AuthorizedCalls;
import com.acme.shop.web.error.ProblemResponses;

import reactor.core.publisher.Mono;

/**
 * {@code /api/**} for browser scripts: the session cookie becomes
 * {@code Authorization: Bearer} and the request goes to the gateway with the same method,
 * path, query, body and relevant headers (the {@code X-Request-Id} is added by the
 * upstream {@code WebClient}, see {@code WebConfig}); the answer is streamed back. The
 * request body is buffered (at most 1 MiB) so that it can be sent again after a token
 * refresh. Auth's API ({@code /api/auth/**}) is never forwarded ({@link ProxiedPaths},
 * also enforced before security by {@link BlockedApiPathsWebFilter}).
 */
@RestController
class ApiProxyController {

    static final int MAX_BODY = 1024 * 1024;
    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
            HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE,
            IdempotencyKeys.HEADER, IdempotencyKeys.ALIAS_HEADER);
    static final Set<String> DROPPED_RESPONSE_HEADERS = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "set-cookie", "content-length",
            "strict-transport-security", "content-security-policy", "x-frame-options", "x-content-type-options",
            "referrer-policy", "x-xss-protection", "cache-control", "vary");

    private static final Object UNAUTHORIZED = new Object();

    private static final Object DONE = new Object();

    private final WebClient client;

    private final AuthorizedCalls authorizedCalls;

    private final WebUiProperties properties;

    ApiProxyController(WebClient.Builder builder, AuthorizedCalls authorizedCalls, WebUiProperties properties) {
        this.client = builder.clone().baseUrl(properties.gatewayUrl().toString()).build();
        this.authorizedCalls = authorizedCalls;
        this.properties = properties;
    }

    @RequestMapping("/api/**")
    Mono<Void> proxy(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        if (!ProxiedPaths.isForwardable(request.getURI().getRawPath())) {
            return ProblemResponses.write(response, HttpStatus.NOT_FOUND, "No such API");
        }
        return DataBufferUtils.join(request.getBody(), MAX_BODY).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        })
            .defaultIfEmpty(new byte[0])
            .flatMap(body -> authorizedCalls.call(exchange, token -> forward(exchange, token, body),
                    result -> result == UNAUTHORIZED))
            .then()
            .onErrorResume(org.springframework.core.io.buffer.DataBufferLimitException.class,
                    ex -> ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large"));
    }

    private Mono<Object> forward(ServerWebExchange exchange, String token, byte[] body) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        HttpMethod method = request.getMethod();
        String uri = request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
        WebClient.RequestBodySpec spec = client.method(method)
            .uri(java.net.URI.create(properties.gatewayUrl().toString().replaceAll("/+$", "") + uri))
            .headers(headers -> {
                for (String name : REQUEST_HEADERS) {
                    List<String> values = request.getHeaders().get(name);
                    if (values != null) {
                        headers.addAll(name, values);
                    }
                }
                headers.setBearerAuth(token);
            });
        WebClient.RequestHeadersSpec<?> ready = body.length == 0 ? spec : spec.bodyValue(body);
        return ready.exchangeToMono(upstream -> {
            if (upstream.statusCode().value() == 401) {
                return upstream.releaseBody().thenReturn(UNAUTHORIZED);
            }
            response.setStatusCode(upstream.statusCode());
            upstream.headers().asHttpHeaders().forEach((name, values) -> {
                if (!DROPPED_RESPONSE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    response.getHeaders().addAll(name, values);
                }
            });
            return response.writeWith(upstream.bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class))
                .thenReturn(DONE);
        })
            .onErrorResume(ex -> !response.isCommitted(),
                    ex -> ProblemResponses.write(response, HttpStatus.BAD_GATEWAY, "The API is unavailable")
                        .thenReturn(DONE));
    }

}
