package com.acme.shop.common.problem;

import jakarta.validation.ConstraintViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;

import java.util.Map;

/**
 * Validation failures raised in a controller, answered at controller level (so also for a
 * page request that {@link ProblemWebExceptionHandler} would leave to an HTML error
 * handler), with the same mapping as that handler: 400 with {@code errors: [{field,
 * message}]}. Ordered last, so a service's own advice wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    @ExceptionHandler({ WebExchangeBindException.class, ConstraintViolationException.class })
    ResponseEntity<Map<String, Object>> validationFailed(Exception ex, ServerWebExchange exchange) {
        return ProblemWebExceptionHandler.toProblem(ex).toResponseEntity(exchange.getRequest().getPath().value());
    }

}
