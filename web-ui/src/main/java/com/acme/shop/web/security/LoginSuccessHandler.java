package com.acme.shop.web.security;

import java.net.URI;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.auth.LoginAuthentication;
import com.acme.shop.web.client.TokenSet;
import com.acme.shop.web.page.SafeRedirects;

import reactor.core.publisher.Mono;

/**
 * After login (the session id was already changed by the security context repository,
 * C3): moves the tokens into the session and redirects (C11) to a safe {@code next}, else
 * the saved request, else {@code /}.
 */
final class LoginSuccessHandler implements ServerAuthenticationSuccessHandler {

    private final ServerRequestCache requestCache;

    LoginSuccessHandler(ServerRequestCache requestCache) {
        this.requestCache = requestCache;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        return exchange.getSession().flatMap(session -> {
            if (authentication instanceof LoginAuthentication login && login.tokens() != null) {
                session.getAttributes().put(TokenSet.SESSION_ATTRIBUTE, login.tokens());
            }
            return exchange.getFormData();
        }).flatMap(form -> {
            String next = form.getFirst("next");
            if (next == null) {
                next = exchange.getRequest().getQueryParams().getFirst("next");
            }
            if (next != null && !next.isEmpty()) {
                return SecurityConfig.redirect(exchange, SafeRedirects.targetOrHome(next));
            }
            return requestCache.getRedirectUri(exchange)
                .map(URI::toString)
                .map(SafeRedirects::targetOrHome)
                .defaultIfEmpty(SafeRedirects.HOME)
                .flatMap(target -> requestCache.removeMatchingRequest(exchange)
                    .then(SecurityConfig.redirect(exchange, target)));
        });
    }

}
