package com.acme.shop.web.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Spring Security's BREACH-masking CSRF handler (C7), except that a submitted token it
 * cannot decode counts as no token (403) instead of failing the request. The XOR handler
 * throws {@code IllegalArgumentException: Decoding failed} (from {@code Utf8.decode})
 * when a token is valid base64 of the right length but unmasks to invalid UTF-8, which
 * would otherwise be a 500.
 */
final class LenientXorCsrfTokenRequestHandler implements ServerCsrfTokenRequestHandler {

    private final XorServerCsrfTokenRequestAttributeHandler delegate = new XorServerCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        delegate.handle(exchange, csrfToken);
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        return delegate.resolveCsrfTokenValue(exchange, csrfToken)
            .onErrorResume(IllegalArgumentException.class, ex -> Mono.empty());
    }

}
