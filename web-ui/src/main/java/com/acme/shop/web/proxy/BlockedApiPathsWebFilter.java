package com.acme.shop.web.proxy;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.acme.shop.web.error.ProblemResponses;

import reactor.core.publisher.Mono;

/**
 * Answers 404 problem+json for {@code /api/**} paths the proxy must not forward
 * ({@link ProxiedPaths}): auth's API in any spelling, with any method. It runs before
 * security and sessions, so the answer is the same with or without a session or CSRF
 * token, and nothing reaches the gateway.
 */
@Component
@Order(-250)
class BlockedApiPathsWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (ProxiedPaths.targetsApi(rawPath) && !ProxiedPaths.isForwardable(rawPath)) {
            return ProblemResponses.write(exchange.getResponse(), HttpStatus.NOT_FOUND, "No such API");
        }
        return chain.filter(exchange);
    }

}
