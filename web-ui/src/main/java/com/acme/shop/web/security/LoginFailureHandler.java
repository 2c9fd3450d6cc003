package com.acme.shop.web.security;

import java.nio.charset.StandardCharsets;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

import com.acme.shop.web.client.AuthExceptions;
import com.acme.shop.web.page.SafeRedirects;

import reactor.core.publisher.Mono;

/**
 * Back to the login page with a reason: {@code ?error}, {@code ?error=throttled} or
 * {@code ?error=unavailable}.
 */
final class LoginFailureHandler implements ServerAuthenticationFailureHandler {

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        return exchange.getFormData().flatMap(form -> {
            String next = form.getFirst("next");
            return SecurityConfig.redirect(exchange, target(exception, next));
        });
    }

    static String target(AuthenticationException exception, String next) {
        String reason = exception instanceof AuthExceptions.Throttled ? "throttled"
                : exception instanceof AuthExceptions.Unavailable ? "unavailable" : "";
        String target = "/login?error" + (reason.isEmpty() ? "" : "=" + reason);
        return SafeRedirects.localPath(next)
            .map(path -> target + "&next=" + UriUtils.encodeQueryParam(path, StandardCharsets.UTF_8))
            .orElse(target);
    }

}
