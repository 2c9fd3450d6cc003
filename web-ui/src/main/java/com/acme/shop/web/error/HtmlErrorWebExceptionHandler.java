package com.acme.shop.web.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.SessionEndedException;
import com.acme.shop.web.outage.RedisOutage;
import com.acme.shop.web.page.Htmx;

import reactor.core.publisher.Mono;

/**
 * Errors of page requests become HTML error pages (never a stack trace); an ended session
 * goes to the login. {@code /api/**} and actuator errors are left to the problem+json
 * handlers.
 */
@Component
@Order(-10)
class HtmlErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(HtmlErrorWebExceptionHandler.class);

    /** Seconds a client should wait before retrying while the session store is down. */
    static final String RETRY_AFTER_SECONDS = "5";

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
        if (RedisOutage.isCause(ex)) {
            return temporarilyUnavailable(exchange, ex, true);
        }
        int status = status(ex);
        if (status >= 500) {
            log.error("request failed: {} {}", exchange.getRequest().getMethod(), path, ex);
        }
        if (Htmx.isApi(exchange)) {
            HttpStatus httpStatus = HttpStatus.resolve(status);
            httpStatus = httpStatus == null ? HttpStatus.INTERNAL_SERVER_ERROR : httpStatus;
            exchange.getResponse().getHeaders().clearContentHeaders();
            return ProblemResponses.write(exchange.getResponse(), httpStatus,
                    status >= 500 ? "The request could not be completed" : httpStatus.getReasonPhrase());
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        return errorPages.render(exchange, status);
    }

    /**
     * Redis (the session store) is down: 503 with {@code Retry-After}, never 500. Pages
     * get the readable "temporarily unavailable" page, {@code /api/**} a problem+json,
     * htmx requests an empty body (htmx swaps nothing on a 5xx and fires
     * {@code htmx:responseError}, so the page stays as it was). No session cookie is set:
     * the session could not be stored. If writing this answer fails once more because the
     * session cannot be saved, it is written again without the session (Spring skips the
     * failed before-commit actions on the second attempt).
     */
    private Mono<Void> temporarilyUnavailable(ServerWebExchange exchange, Throwable ex, boolean firstAttempt) {
        if (firstAttempt) {
            log.warn("session store unavailable: {} {} -> 503 ({})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().pathWithinApplication().value(), rootCause(ex));
        }
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().clearContentHeaders();
        response.getHeaders().remove(HttpHeaders.SET_COOKIE);
        response.getCookies().clear();
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        Mono<Void> answer;
        if (Htmx.isApi(exchange)) {
            answer = ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE,
                    "Temporarily unavailable, please retry");
        }
        else if (Htmx.isHtmx(exchange)) {
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            answer = response.setComplete();
        }
        else {
            answer = errorPages.renderUnavailable(exchange);
        }
        return answer.onErrorResume(again -> firstAttempt && !response.isCommitted() && RedisOutage.isCause(again),
                again -> temporarilyUnavailable(exchange, again, false));
    }

    private static String rootCause(Throwable ex) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
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
