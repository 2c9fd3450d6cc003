package com.acme.shop.web.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.AuthClient;
import com.acme.shop.web.client.ClientAddress;
import com.acme.shop.web.client.TokenSet;
import com.acme.shop.web.session.SessionCookieResolver;

import reactor.core.publisher.Mono;

/**
 * Logout (C6): revokes the tokens at auth (refresh family and access token jti, B13),
 * deletes the Redis session, expires the cookie, clears site data and redirects to
 * {@code /login?logout}.
 */
@Component
class LogoutHandling {

    static final String CLEAR_SITE_DATA = "\"cache\",\"cookies\",\"storage\"";

    private final AuthClient authClient;

    private final SessionCookieResolver cookieResolver;

    LogoutHandling(AuthClient authClient, SessionCookieResolver cookieResolver) {
        this.authClient = authClient;
        this.cookieResolver = cookieResolver;
    }

    /** Logout handler: revokes the tokens at auth while the session still holds them. */
    Mono<Void> revokeTokens(WebFilterExchange webFilterExchange, Authentication authentication) {
        return webFilterExchange.getExchange().getSession().flatMap(session -> {
            TokenSet tokens = session.getAttribute(TokenSet.SESSION_ATTRIBUTE);
            return tokens == null ? Mono.empty()
                    : authClient.logout(tokens, ClientAddress.of(webFilterExchange.getExchange()));
        });
    }

    /**
     * Runs after every logout handler (including the CSRF one, which still writes to the
     * session): deletes the session from Redis, then answers.
     */
    Mono<Void> onLogoutSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        return exchange.getSession().flatMap(session -> {
            session.getAttributes().clear();
            return session.invalidate();
        }).then(Mono.defer(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Clear-Site-Data", CLEAR_SITE_DATA);
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            cookieResolver.expireSession(exchange);
            return SecurityConfig.redirect(exchange, "/login?logout");
        }));
    }

}
