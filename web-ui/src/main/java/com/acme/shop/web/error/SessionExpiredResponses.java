package com.acme.shop.web.error;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

import com.acme.shop.web.page.Htmx;
import com.acme.shop.web.page.SafeRedirects;

import reactor.core.publisher.Mono;

/**
 * Answers for requests without a usable session (C5): API calls get 401 problem+json,
 * htmx requests 401 with {@code HX-Redirect: /login} (htmx ignores headers on 3xx), pages
 * 302 to {@code /login}.
 */
@Component
public class SessionExpiredResponses {

    public static final String LOGIN = "/login";

    /**
     * No session: redirect to plain {@code /login} (the caller saved the request if
     * wanted).
     */
    public Mono<Void> loginRequired(ServerWebExchange exchange) {
        return respond(exchange, URI.create(LOGIN));
    }

    /**
     * The session just ended (absolute timeout, refresh refused): pages go to
     * {@code /login?next=<wanted page>} so the user comes back after logging in (C11).
     */
    public Mono<Void> sessionExpired(ServerWebExchange exchange) {
        URI target = URI.create(LOGIN);
        if (exchange.getRequest().getMethod() == HttpMethod.GET && !Htmx.isHtmx(exchange) && !Htmx.isApi(exchange)) {
            String wanted = exchange.getRequest().getURI().getRawPath()
                    + (exchange.getRequest().getURI().getRawQuery() == null ? ""
                            : "?" + exchange.getRequest().getURI().getRawQuery());
            if (SafeRedirects.localPath(wanted).isPresent() && !wanted.equals("/")) {
                target = URI.create(LOGIN + "?next=" + UriUtils.encodeQueryParam(wanted, StandardCharsets.UTF_8));
            }
        }
        return respond(exchange, target);
    }

    private Mono<Void> respond(ServerWebExchange exchange, URI pageTarget) {
        ServerHttpResponse response = exchange.getResponse();
        if (Htmx.isApi(exchange)) {
            return ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Authentication required");
        }
        if (Htmx.isHtmx(exchange)) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().set(Htmx.REDIRECT, LOGIN);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.FOUND);
        response.getHeaders().setLocation(pageTarget);
        return response.setComplete();
    }

}
