package com.acme.shop.common.problem;

import com.acme.shop.common.requestid.RequestIdWebFilter;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders every error as RFC 9457 {@code application/problem+json}, before Boot's
 * {@code DefaultErrorWebExceptionHandler} (order -1) gets it: never a stack trace, never
 * a 500 for bad input.
 * <ul>
 * <li>{@link ErrorResponse} / {@code ResponseStatusException} keep their status, headers
 * (e.g. {@code Allow} on 405) and problem fields;</li>
 * <li>malformed or unreadable input ({@code ServerWebInputException}) → 400, unsupported
 * content type → 415, body over a buffer limit → 413, unknown path → 404, wrong method →
 * 405;</li>
 * <li>{@link ProblemException}, the one exception type of the services, is such an
 * {@link ErrorResponse};</li>
 * <li>Bean Validation ({@link WebExchangeBindException},
 * {@link ConstraintViolationException}, method validation) → 400
 * {@value ProblemException#VALIDATION_DETAIL} with {@code errors: [{field, message}]}
 * (JSON field names);</li>
 * <li>a dependency that cannot be reached or did not answer in time
 * ({@link DependencyFailures}: PostgreSQL, Redis, pool acquire timeouts, refused
 * connections) → 503 with {@code Retry-After: 5} and a generic detail, logged as one
 * warning line;</li>
 * <li>anything else → 500 with a generic detail, logged once with the request id.</li>
 * </ul>
 * Browser page requests (outside {@code /api/}, {@code Accept} naming {@code text/html})
 * are left to the next handler, so a UI can render HTML error pages.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    /** Before Boot's {@code DefaultErrorWebExceptionHandler} (-1). */
    public static final int ORDER = -2;

    static final String GENERIC_500_DETAIL = "An unexpected error occurred.";

    /** Deliberately vague: the answer does not say which dependency failed. */
    static final String UNAVAILABLE_DETAIL = "The service is temporarily unavailable. Retry later.";

    /** Seconds a client should wait before retrying after a dependency failure. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted() || wantsHtmlPage(exchange.getRequest())) {
            return Mono.error(ex);
        }
        Problem problem = toProblem(ex);
        ServerHttpRequest request = exchange.getRequest();
        if (problem.status().is5xxServerError() && problem.unexpected()) {
            log.error("Unhandled error on {} {} requestId={}", request.getMethod(), request.getPath().value(),
                    RequestIdWebFilter.requestId(exchange), ex);
        }
        else if (problem.status().value() == HttpStatus.SERVICE_UNAVAILABLE.value()
                && DependencyFailures.isUnavailable(ex)) {
            // expected while a dependency is down: one line, no stack trace per request
            log.warn("Dependency unavailable on {} {} requestId={}: {}", request.getMethod(), request.getPath().value(),
                    RequestIdWebFilter.requestId(exchange), rootCause(ex));
        }
        // a header set by a filter before the failure must not leak into the error
        // response
        exchange.getResponse().getHeaders().remove(HttpHeaders.ETAG);
        exchange.getResponse().getHeaders().remove(HttpHeaders.LOCATION);
        return Problems.write(exchange, problem.status(), problem.detail(), problem.headers(), problem.properties());
    }

    static Problem toProblem(Throwable ex) {
        if (hasCause(ex, DataBufferLimitException.class) || ex instanceof PayloadTooLargeException) {
            return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
        }
        if (ex instanceof WebExchangeBindException bind) {
            return Problem.invalid(HttpHeaders.EMPTY, FieldErrors.of(bind.getBindingResult()));
        }
        if (ex instanceof ConstraintViolationException violation) {
            return Problem.invalid(HttpHeaders.EMPTY, FieldErrors.of(violation.getConstraintViolations()));
        }
        if (ex instanceof MethodValidationResult validation && ex instanceof ErrorResponse response) {
            return Problem.invalid(response.getHeaders(), methodValidationErrors(validation));
        }
        if (ex instanceof ServerWebInputException input) {
            return new Problem(HttpStatus.BAD_REQUEST, inputDetail(input), input.getHeaders(), Map.of(), false);
        }
        if (ex instanceof ErrorResponse response) {
            ProblemDetail body = response.getBody();
            Map<String, Object> properties = new LinkedHashMap<>();
            if (body.getProperties() != null) {
                properties.putAll(body.getProperties());
            }
            URI type = body.getType();
            if (type != null && !"about:blank".equals(type.toString())) {
                properties.put("type", type.toString());
                if (body.getTitle() != null) {
                    properties.put("title", body.getTitle());
                }
            }
            HttpStatusCode status = response.getStatusCode();
            String detail = body.getDetail();
            if (detail == null && status.is5xxServerError()) {
                detail = GENERIC_500_DETAIL;
            }
            return new Problem(status, detail, response.getHeaders(), properties, false);
        }
        if (DependencyFailures.isUnavailable(ex)) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL, headers, Map.of(), false);
        }
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, GENERIC_500_DETAIL, HttpHeaders.EMPTY, Map.of(), true);
    }

    private static String inputDetail(ServerWebInputException input) {
        if (hasCause(input, DecodingException.class)) {
            // the codec's message may echo request content, so keep it generic
            return "The request body is malformed or cannot be read.";
        }
        String detail = input.getBody().getDetail();
        return detail != null ? detail : "The request is invalid.";
    }

    private static List<FieldMessage> methodValidationErrors(MethodValidationResult validation) {
        List<FieldMessage> errors = new ArrayList<>();
        validation.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                .forEach(error -> errors
                    .add(FieldErrors.message(name != null ? name : "parameter", error.getDefaultMessage())));
        });
        validation.getCrossParameterValidationResults()
            .forEach(error -> errors.add(FieldErrors.message("request", error.getDefaultMessage())));
        return errors;
    }

    private static boolean wantsHtmlPage(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")) {
            return false;
        }
        try {
            List<MediaType> accept = request.getHeaders().getAccept();
            return accept.stream().anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("html"));
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    private static String rootCause(Throwable ex) {
        Throwable root = ex;
        for (int i = 0; i < 32 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root.getClass().getName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    record Problem(HttpStatusCode status, String detail, HttpHeaders headers, Map<String, Object> properties,
            boolean unexpected) {
        static Problem of(HttpStatusCode status, String detail) {
            return new Problem(status, detail, HttpHeaders.EMPTY, Map.of(), false);
        }

        static Problem invalid(HttpHeaders headers, List<FieldMessage> errors) {
            return new Problem(HttpStatus.BAD_REQUEST, ProblemException.VALIDATION_DETAIL, headers,
                    Map.of(ProblemException.ERRORS, errors), false);
        }

        /**
         * The same problem as a controller-advice answer (for
         * {@link ProblemDetailsAdvice}).
         */
        ResponseEntity<Map<String, Object>> toResponseEntity(String instance) {
            return ResponseEntity.status(status)
                .headers(headers)
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.body(status, detail, instance, properties));
        }
    }

}
