package com.acme.shop.gateway.upstream;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Turns proxying errors into statuses the client can act on: upstream down or unreachable
 * → 503 (with {@code Retry-After}), upstream too slow → 504, connection dropped → 502.
 * The problem+json body is rendered by common's error handler; upstream addresses never
 * reach the client.
 */
@Component
class UpstreamFailureFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange)
            .onErrorMap(error -> UpstreamFailures.classify(error).isPresent() && !exchange.getResponse().isCommitted(),
                    error -> {
                        HttpStatus status = UpstreamFailures.classify(error).orElseThrow();
                        return new UpstreamFailureException(status, UpstreamFailures.detail(status), error);
                    });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** A {@link ResponseStatusException} that advertises {@code Retry-After} on 503. */
    static final class UpstreamFailureException extends ResponseStatusException {

        UpstreamFailureException(HttpStatus status, String detail, Throwable cause) {
            super(status, detail, cause);
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            if (getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                headers.set(HttpHeaders.RETRY_AFTER, "1");
            }
            return headers;
        }

    }

}
