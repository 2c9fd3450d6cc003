package com.acme.shop.web.page;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.auth.SessionUser;

import reactor.core.publisher.Mono;

/** What the layout needs on every page: CSRF token, CSP nonce, the signed-in user. */
public final class PageModel {

    public static final String CSRF = CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME;

    public static final String NONCE = "cspNonce";

    public static final String USER = "currentUser";

    /**
     * Exchange attribute holding the request's CSP nonce (set by the security headers
     * filter).
     */
    public static final String NONCE_ATTRIBUTE = PageModel.class.getName() + ".nonce";

    private PageModel() {
    }

    /**
     * Subscribes the CSRF token so it is generated (and stored in the session) for
     * rendering; also exposes it as the exchange attribute read by
     * {@code CsrfRequestDataValueProcessor}, so that {@code th:action} adds the hidden
     * {@code _csrf} field.
     */
    public static Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return Mono.empty();
        }
        return token
            .doOnNext(t -> exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, t));
    }

    public static String nonce(ServerWebExchange exchange) {
        String nonce = exchange.getAttribute(NONCE_ATTRIBUTE);
        return nonce == null ? "" : nonce;
    }

    public static Mono<SessionUser> user() {
        return ReactiveSecurityContextHolder.getContext()
            .mapNotNull(SecurityContext::getAuthentication)
            .mapNotNull(authentication -> authentication.getPrincipal() instanceof SessionUser user ? user : null);
    }

    /** The layout model for views rendered outside controllers (error pages). */
    public static Mono<Map<String, Object>> common(ServerWebExchange exchange) {
        Map<String, Object> model = new HashMap<>();
        model.put(NONCE, nonce(exchange));
        return csrfToken(exchange).doOnNext(token -> model.put(CSRF, token))
            .then(exchange.getPrincipal().doOnNext(principal -> {
                if (principal instanceof org.springframework.security.core.Authentication authentication
                        && authentication.getPrincipal() instanceof SessionUser user) {
                    model.put(USER, user);
                }
            }).then(Mono.fromSupplier(() -> model)));
    }

}
