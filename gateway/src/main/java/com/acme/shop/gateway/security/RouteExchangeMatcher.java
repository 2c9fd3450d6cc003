package com.acme.shop.gateway.security;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Matches an exchange that some gateway route would take. Requests that match no route
 * are left to the gateway, which answers 404 problem+json, as Kong did, whether or not a
 * token is present.
 */
class RouteExchangeMatcher implements ServerWebExchangeMatcher {

    private final RouteLocator routeLocator;

    RouteExchangeMatcher(RouteLocator routeLocator) {
        this.routeLocator = routeLocator;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return routeLocator.getRoutes()
            .concatMap(route -> Mono.defer(() -> Mono.from(route.getPredicate().apply(exchange))).onErrorReturn(false))
            .any(Boolean::booleanValue)
            .flatMap(matched -> matched ? MatchResult.match() : MatchResult.notMatch());
    }

}
