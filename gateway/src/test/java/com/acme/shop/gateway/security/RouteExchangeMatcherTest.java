package com.acme.shop.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class RouteExchangeMatcherTest {

    private final RouteLocator routes = () -> Flux.just(Route.async()
        .id("member")
        .uri("http://member")
        .predicate(exchange -> exchange.getRequest().getPath().value().startsWith("/api/members"))
        .build());

    private final RouteExchangeMatcher matcher = new RouteExchangeMatcher(routes);

    @Test
    void matchesAPathSomeRouteServes() {
        StepVerifier.create(matcher.matches(MockServerWebExchange.from(MockServerHttpRequest.get("/api/members/1"))))
            .expectNextMatches(result -> result.isMatch())
            .verifyComplete();
    }

    @Test
    void doesNotMatchAPathNoRouteServes() {
        StepVerifier.create(matcher.matches(MockServerWebExchange.from(MockServerHttpRequest.get("/api/unknown"))))
            .expectNextMatches(result -> !result.isMatch())
            .verifyComplete();
    }

}
