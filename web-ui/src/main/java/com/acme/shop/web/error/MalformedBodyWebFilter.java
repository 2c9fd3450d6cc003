package com.acme.shop.web.error;

import java.util.Locale;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A form or multipart body that cannot be read is the client's mistake, whoever reads it
 * first (the CSRF filter, the login converter, data binding): bad percent-encoding
 * ({@code name=%zz}, a trailing {@code %}) or a broken multipart body becomes 400, a body
 * over the codecs' in-memory limit (256 KiB by default) 413, and a form Content-Type that
 * does not parse ({@code application/x-www-form-urlencoded;
 * charset=nope}) 415, instead of the 500 that the raw {@code IllegalArgumentException},
 * {@code DecodingException} or {@code DataBufferLimitException} would give. The exchange
 * is decorated before anything reads the body, so every reader of
 * {@link ServerWebExchange#getFormData()} and
 * {@link ServerWebExchange#getMultipartData()} sees the translated error; the error
 * handlers turn it into an HTML page or, on {@code /api/**}, a problem+json.
 */
@Component
@Order(MalformedBodyWebFilter.ORDER)
class MalformedBodyWebFilter implements WebFilter {

    /**
     * After the request id, client address, security headers and the {@code /api/auth}
     * block; before the session filters and Spring Security (-100), the first readers of
     * the form.
     */
    static final int ORDER = -200;

    private static final Set<HttpMethod> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerWebExchange decorated = decorate(exchange);
        if (BODILESS.contains(exchange.getRequest().getMethod()) || !isForm(exchange.getRequest().getHeaders())) {
            return chain.filter(decorated);
        }
        // The CSRF filter reads every such form anyway: read it here, so that a malformed
        // one fails plainly
        // (read inside the CSRF filter's filterWhen, the error is also reported as
        // dropped, stack and all).
        return decorated.getFormData().then(chain.filter(decorated));
    }

    private static ServerWebExchange decorate(ServerWebExchange exchange) {
        return new ServerWebExchangeDecorator(exchange) {
            @Override
            public Mono<MultiValueMap<String, String>> getFormData() {
                if (unreadableFormContentType(getRequest().getHeaders())) {
                    return Mono.error(new UnsupportedMediaTypeStatusException("Unreadable form Content-Type"));
                }
                return super.getFormData().onErrorMap(MalformedBodyWebFilter::translate);
            }

            @Override
            public Mono<MultiValueMap<String, Part>> getMultipartData() {
                return super.getMultipartData().onErrorMap(MalformedBodyWebFilter::translate);
            }
        };
    }

    private static boolean isForm(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        return value != null
                && value.strip().toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /**
     * A form Content-Type that Spring cannot parse (it would silently read the form as
     * empty).
     */
    static boolean unreadableFormContentType(HttpHeaders headers) {
        if (!isForm(headers)) {
            return false;
        }
        try {
            MediaType.parseMediaType(headers.getFirst(HttpHeaders.CONTENT_TYPE));
            return false;
        }
        catch (InvalidMediaTypeException ex) {
            return true;
        }
    }

    static Throwable translate(Throwable ex) {
        if (ex instanceof ResponseStatusException) {
            return ex;
        }
        if (ex instanceof DataBufferLimitException) {
            return new ContentTooLargeException(ex);
        }
        if (ex instanceof DecodingException || ex instanceof IllegalArgumentException) {
            return new ServerWebInputException("Malformed request body", null, ex);
        }
        return ex;
    }

}
