package com.acme.shop.web.error;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;

import com.acme.shop.web.page.PageModel;

import reactor.core.publisher.Mono;

/**
 * Renders the friendly error pages (403 Access denied, 404 Not found, 500 Something went
 * wrong).
 */
@Component
public class ErrorPages {

    static final String VIEW = "error/page";
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    /**
     * Gives the outage page an empty, never-stored session: the real one cannot be read.
     */
    private static final InMemoryWebSessionStore DETACHED_SESSIONS = new InMemoryWebSessionStore();

    private final ViewResolver viewResolver;

    ErrorPages(ViewResolver thymeleafReactiveViewResolver) {
        this.viewResolver = thymeleafReactiveViewResolver;
    }

    public Mono<Void> render(ServerWebExchange exchange, int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        HttpStatus httpStatus = resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
        exchange.getResponse().setStatusCode(httpStatus);
        exchange.getResponse().getHeaders().setContentType(HTML);
        return PageModel.common(exchange).flatMap(model -> {
            model.put("status", httpStatus.value());
            model.put("heading", heading(httpStatus));
            model.put("message", message(httpStatus));
            return viewResolver.resolveViewName(VIEW, Locale.ENGLISH)
                .flatMap(view -> view.render(model, HTML, exchange));
        });
    }

    /**
     * The "temporarily unavailable" page (503) for when the session store is down:
     * rendered from a model that needs nothing from the session (no CSRF token, no user),
     * which cannot be read.
     */
    public Mono<Void> renderUnavailable(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        exchange.getResponse().getHeaders().setContentType(HTML);
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put(PageModel.NONCE, PageModel.nonce(exchange));
        model.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        model.put("heading", "Temporarily unavailable");
        model.put("message", "The site is temporarily unavailable. Please try again in a minute.");
        ServerWebExchange withoutSession = new ServerWebExchangeDecorator(exchange) {
            @Override
            public Mono<WebSession> getSession() {
                return DETACHED_SESSIONS.createWebSession();
            }

            @Override
            public <T extends java.security.Principal> Mono<T> getPrincipal() {
                return Mono.empty();
            }
        };
        return viewResolver.resolveViewName(VIEW, Locale.ENGLISH)
            .flatMap(view -> view.render(model, HTML, withoutSession));
    }

    static String heading(HttpStatus status) {
        return switch (status) {
            case FORBIDDEN -> "Access denied";
            case NOT_FOUND -> "Not found";
            case BAD_REQUEST, UNPROCESSABLE_CONTENT -> "Bad request";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case CONTENT_TOO_LARGE -> "Request too large";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported request";
            case SERVICE_UNAVAILABLE, BAD_GATEWAY, GATEWAY_TIMEOUT -> "Something went wrong";
            default -> status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase();
        };
    }

    static String message(HttpStatus status) {
        return switch (status) {
            case FORBIDDEN -> "You do not have permission to view this page.";
            case NOT_FOUND -> "The page you are looking for does not exist.";
            case SERVICE_UNAVAILABLE, BAD_GATEWAY, GATEWAY_TIMEOUT ->
                "A service we depend on is unavailable. Please try again in a moment.";
            default -> status.is5xxServerError() ? "An unexpected error occurred. Please try again later."
                    : "The request could not be processed.";
        };
    }

}
