package com.acme.shop.gateway.upstream;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.gateway.GatewayProperties;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies over {@code shop.gateway.max-body-size} (1 MiB) with 413 on
 * every route (rules A14). A declared {@code Content-Length} is checked up front; a
 * chunked body is counted while it streams. Runs after the route filters, so that on
 * idempotent routes the key syntax is checked first (rules A5).
 */
@Component
class RequestBodyLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = 1000;

    private final long maxBytes;

    RequestBodyLimitFilter(GatewayProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limit(super.getBody(), maxBytes);
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    static Flux<DataBuffer> limit(Flux<DataBuffer> body, long maxBytes) {
        return Flux.defer(() -> {
            long[] seen = { 0 };
            return body.handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge());
                }
                else {
                    sink.next(buffer);
                }
            });
        });
    }

    static ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the gateway accepts.");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

}
