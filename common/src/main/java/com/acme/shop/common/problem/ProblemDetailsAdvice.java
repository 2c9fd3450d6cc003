package com.acme.shop.common.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;
import java.util.Map;

/**
 * Controller-level validation failures as 400 problem details with {@code errors: [{field, message}]}.
 * Ordered last, so a service's own advice wins; every other exception goes on to {@link ProblemWebExceptionHandler}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<Map<String, Object>> bindFailed(WebExchangeBindException ex, ServerWebExchange exchange) {
        return badRequest(exchange, Problems.fieldErrors(ex.getBindingResult()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> constraintViolated(ConstraintViolationException ex, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Problems.fieldError(field(v), v.getMessage()))
                .toList();
        return badRequest(exchange, errors);
    }

    private static ResponseEntity<Map<String, Object>> badRequest(ServerWebExchange exchange, List<Map<String, String>> errors) {
        Map<String, Object> body = Problems.body(HttpStatus.BAD_REQUEST, "Validation failed.",
                exchange.getRequest().getPath().value(), Map.of("errors", errors));
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(body);
    }

    /** {@code create.arg0.email} → {@code email}: the last node of the property path. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath() == null ? "" : violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
