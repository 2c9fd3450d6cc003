package com.acme.shop.member;

import com.acme.shop.common.problem.Problems;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Renders the member exceptions as RFC 9457 problem details, in the same shape as common's handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MemberProblemAdvice {

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> invalid(InvalidMemberException ex, ServerWebExchange exchange) {
        return problem(HttpStatus.BAD_REQUEST, "Validation failed.", exchange, Map.of("errors", ex.problems()));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> notFound(MemberNotFoundException ex, ServerWebExchange exchange) {
        return problem(HttpStatus.NOT_FOUND, ex.getMessage() + ".", exchange, Map.of());
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> emailTaken(EmailTakenException ex, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, ex.getMessage() + ".", exchange, Map.of());
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> stale(StaleVersionException ex, ServerWebExchange exchange) {
        return problem(HttpStatus.PRECONDITION_FAILED, ex.getMessage() + ".", exchange, Map.of());
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String detail,
            ServerWebExchange exchange, Map<String, ?> properties) {
        return ResponseEntity.status(status)
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.body(status, detail, exchange.getRequest().getPath().value(), properties));
    }
}
