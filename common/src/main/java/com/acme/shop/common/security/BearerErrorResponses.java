package com.acme.shop.common.security;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.acme.shop.common.problem.Problems;

/**
 * The bearer-token error answers of B8 and B13, all problem+json: no credentials → 401
 * {@code WWW-Authenticate: Bearer}; a rejected token → 401
 * {@code Bearer error="invalid_token"}; forbidden → 403
 * {@code Bearer error="insufficient_scope"}; denylist unreachable → 503 with
 * {@code Retry-After}. The body never says which check failed.
 */
final class BearerErrorResponses
        implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler, ServerAccessDeniedHandler {

    static final String NO_CREDENTIALS = "Bearer";
    static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";
    static final String INSUFFICIENT_SCOPE = "Bearer error=\"insufficient_scope\"";
    static final String RETRY_AFTER_SECONDS = "5";

    private final TokenValidationMetrics metrics;

    BearerErrorResponses() {
        this(TokenValidationMetrics.NONE);
    }

    BearerErrorResponses(TokenValidationMetrics metrics) {
        this.metrics = metrics;
    }

    /** Reached when a request without (usable) credentials hits a protected route. */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        return Mono.defer(() -> {
            metrics.rejected(TokenValidationMetrics.Reason.MISSING);
            return write(exchange, HttpStatus.UNAUTHORIZED, "Authentication is required.", HttpHeaders.WWW_AUTHENTICATE,
                    NO_CREDENTIALS);
        });
    }

    /** Reached when a presented bearer token was rejected (or could not be checked). */
    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException ex) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        return Mono.defer(() -> {
            metrics.rejected(ex);
            if (isTokenCheckUnavailable(ex)) {
                return write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                        "The token cannot be checked right now. Retry later.", HttpHeaders.RETRY_AFTER,
                        RETRY_AFTER_SECONDS);
            }
            return write(exchange, HttpStatus.UNAUTHORIZED, "The access token is invalid.",
                    HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN);
        });
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Mono.defer(() -> {
            return write(exchange, HttpStatus.FORBIDDEN, "Access is denied.", HttpHeaders.WWW_AUTHENTICATE,
                    INSUFFICIENT_SCOPE);
        });
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, String header,
            String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(header, value);
        return Problems.write(exchange, status, detail, headers, Map.of());
    }

    static boolean isTokenCheckUnavailable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TokenCheckUnavailableException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

}
