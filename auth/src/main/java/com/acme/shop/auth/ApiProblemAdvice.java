package com.acme.shop.auth;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.acme.shop.common.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Renders {@link ApiProblem} and unreachable Redis/PostgreSQL as RFC 9457 problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> apiProblem(ApiProblem problem, ServerWebExchange exchange) {
        Map<String, Object> body = Problems.body(problem.status(), problem.getMessage(),
                exchange.getRequest().getPath().value(),
                problem.errors().isEmpty() ? Map.of() : Map.of("errors", problem.errors()));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        problem.headers().forEach(response::header);
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            response.header("Cache-Control", "no-store");
        }
        return response.body(body);
    }

    @ExceptionHandler({ RedisConnectionFailureException.class, RedisSystemException.class,
            QueryTimeoutException.class, DataAccessResourceFailureException.class, TimeoutException.class,
            io.r2dbc.spi.R2dbcNonTransientResourceException.class, io.r2dbc.spi.R2dbcTransientResourceException.class })
    ResponseEntity<Map<String, Object>> unavailable(Exception ex, ServerWebExchange exchange) {
        log.warn("A backing store is unavailable: {}", ex.getClass().getSimpleName());
        return apiProblem(ApiProblem.unavailable("The service is temporarily unavailable; try again"), exchange);
    }
}
