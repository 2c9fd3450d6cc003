package com.acme.shop.web.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import com.acme.shop.web.Htmx;
import com.acme.shop.web.auth.SessionEndedException;
import com.acme.shop.web.gateway.GatewayException;
import com.acme.shop.web.security.SessionExpiredResponses;

import reactor.core.publisher.Mono;

/**
 * Errors of page requests become HTML error pages (never a stack trace); an ended session goes to
 * the login. {@code /api/**} and actuator errors are left to the problem+json handlers.
 */
@Component
@Order(-10)
class HtmlErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(HtmlErrorWebExceptionHandler.class);

    private final ErrorPages errorPages;
    private final SessionExpiredResponses sessionExpired;

    HtmlErrorWebExceptionHandler(ErrorPages errorPages, SessionExpiredResponses sessionExpired) {
        this.errorPages = errorPages;
        this.sessionExpired = sessionExpired;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof SessionEndedException) {
            return sessionExpired.sessionExpired(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/actuator")) {
            return Mono.error(ex);
        }
        int status = status(ex);
        if (status >= 500) {
            log.error("request failed: {} {}", exchange.getRequest().getMethod(), path, ex);
        }
        if (Htmx.isApi(exchange)) {
            HttpStatus httpStatus = HttpStatus.resolve(status);
            httpStatus = httpStatus == null ? HttpStatus.INTERNAL_SERVER_ERROR : httpStatus;
            exchange.getResponse().getHeaders().clearContentHeaders();
            return SessionExpiredResponses.problem(exchange.getResponse(), httpStatus,
                    status >= 500 ? "The request could not be completed" : httpStatus.getReasonPhrase());
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        return errorPages.render(exchange, status);
    }

    static int status(Throwable ex) {
        if (ex instanceof ResponseStatusException rse) {
            return rse.getStatusCode().value();
        }
        if (ex instanceof GatewayException gateway) {
            return gateway.status();
        }
        if (ex instanceof org.springframework.security.access.AccessDeniedException) {
            return 403;
        }
        return 500;
    }
}
