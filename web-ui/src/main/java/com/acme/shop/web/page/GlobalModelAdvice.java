package com.acme.shop.web.page;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.auth.SessionUser;

import reactor.core.publisher.Mono;

/** Puts the layout's model attributes on every page rendered by a controller. */
@ControllerAdvice
class GlobalModelAdvice {

    @ModelAttribute(PageModel.CSRF)
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        return PageModel.csrfToken(exchange);
    }

    @ModelAttribute(PageModel.NONCE)
    String cspNonce(ServerWebExchange exchange) {
        return PageModel.nonce(exchange);
    }

    @ModelAttribute(PageModel.USER)
    Mono<SessionUser> currentUser() {
        return PageModel.user();
    }

}
