package com.acme.shop.common.idempotency;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * {@link IdempotencyHandler} as a {@link WebFilter} for plain WebFlux services. Put it in
 * the {@code SecurityWebFilterChain} after authorization, so that 401/403 come first
 * (A5): <pre>{@code
 * http.addFilterAfter(new IdempotencyWebFilter(handler, List.of("POST /api/members")),
 *         SecurityWebFiltersOrder.AUTHORIZATION);
 * }</pre> The principal is the authenticated {@code Authentication#getName()}
 * ({@code sub} for JWTs). Required routes are {@code "METHOD /path/pattern"} entries
 * (Spring path patterns); others have optional keys.
 */
public final class IdempotencyWebFilter implements WebFilter {

    private final IdempotencyHandler handler;

    private final List<Route> requiredRoutes;

    public IdempotencyWebFilter(IdempotencyHandler handler) {
        this(handler, List.of());
    }

    public IdempotencyWebFilter(IdempotencyHandler handler, Collection<String> requiredRoutes) {
        this.handler = handler;
        this.requiredRoutes = requiredRoutes.stream().map(Route::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .filter(auth -> auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken))
            .map(Authentication::getName)
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(
                    principal -> handler.handle(exchange, principal.orElse(null), isRequired(exchange), chain::filter));
    }

    boolean isRequired(ServerWebExchange exchange) {
        return requiredRoutes.stream().anyMatch(route -> route.matches(exchange));
    }

    private record Route(HttpMethod method, PathPattern pattern) {

        static Route parse(String spec) {
            String[] parts = spec.trim().split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("Expected \"METHOD /path\", got: " + spec);
            }
            return new Route(HttpMethod.valueOf(parts[0].toUpperCase()),
                    PathPatternParser.defaultInstance.parse(parts[1]));
        }

        boolean matches(ServerWebExchange exchange) {
            return method.equals(exchange.getRequest().getMethod())
                    && pattern.matches(exchange.getRequest().getPath().pathWithinApplication());
        }
    }

}
