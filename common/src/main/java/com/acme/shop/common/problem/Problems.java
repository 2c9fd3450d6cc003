package com.acme.shop.common.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details ({@code application/problem+json}) for code that answers a
 * request itself, such as filters:
 * {@code return Problems.write(exchange, HttpStatus.BAD_REQUEST, "Invalid idempotency key");}.
 * <p>
 * The body has {@code type} ({@code about:blank} unless given), {@code title} (the status
 * reason phrase), {@code status}, {@code detail}, {@code instance} (the request path) and
 * any extra properties, e.g. {@code errors: [{field, message}]}.
 */
public final class Problems {

    /** {@code application/problem+json} */
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** Writes a problem response with the given status and detail. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange, status, detail, HttpHeaders.EMPTY, Map.of());
    }

    /**
     * Writes a problem response.
     * @param headers extra response headers (e.g. {@code WWW-Authenticate},
     * {@code Retry-After}, {@code Link}); may be empty
     * @param properties extra members of the problem object (may override {@code type}
     * and {@code title}); may be empty
     */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail,
            HttpHeaders headers, Map<String, ?> properties) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            log.debug("response already committed, cannot write problem {}", status);
            return Mono.empty();
        }
        Map<String, Object> body = body(status, detail, exchange.getRequest().getPath().value(), properties);
        byte[] bytes = toJson(body);
        response.setStatusCode(status);
        HttpHeaders responseHeaders = response.getHeaders();
        if (headers != null) {
            headers.forEach((name, values) -> responseHeaders.put(name, new ArrayList<>(values)));
        }
        responseHeaders.setContentType(PROBLEM_JSON);
        responseHeaders.setContentLength(bytes.length);
        responseHeaders.remove(HttpHeaders.CONTENT_ENCODING);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    /** The problem object, members in the usual order. */
    public static Map<String, Object> body(HttpStatusCode status, String detail, String instance,
            Map<String, ?> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status.value());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (properties != null) {
            properties.forEach((k, v) -> {
                if (!"status".equals(k) && v != null) {
                    body.put(k, v);
                }
            });
        }
        return body;
    }

    /**
     * {@code [{field, message}]} for a bound request body: JSON field names, in
     * declaration order.
     */
    public static List<FieldMessage> fieldErrors(BindingResult result) {
        return FieldErrors.of(result);
    }

    static byte[] toJson(Map<String, Object> body) {
        return JSON.writeValueAsBytes(body);
    }

    static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }

}
