package com.acme.shop.web.error;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;

import com.acme.shop.common.problem.Problems;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RFC 9457 answers web-ui writes itself ({@code /api/**} proxy, filters, session and
 * error handlers): the problem object of common's {@link Problems#body} with
 * {@code type}, {@code title}, {@code status} and {@code detail}, as
 * {@code application/problem+json}. No {@code instance}: web-ui's answers never had one.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Writes the problem for {@code status} with {@code detail}. */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String detail) {
        byte[] body = JsonMapper.shared().writeValueAsBytes(Problems.body(status, detail, null, Map.of()));
        response.setStatusCode(status);
        response.getHeaders().setContentType(Problems.PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

}
