package com.acme.shop.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.transaction.CannotCreateTransactionException;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;

/**
 * Infrastructure faults are 503 + Retry-After problem details, never 500 (issue 7,
 * finding 13).
 */
class DependencyFailureProblemTest {

    private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler();

    static Stream<Throwable> dependencyFailures() {
        return Stream.of(
                new DataAccessResourceFailureException("connection refused",
                        new ConnectException("Connection refused")),
                new TransientDataAccessResourceException("connection reset"),
                new QueryTimeoutException("acquire timed out"), new CannotCreateTransactionException("no connection"),
                new RedisConnectionFailureException("Unable to connect to Redis"),
                new RedisSystemException("wrapped", new RedisConnectionException("Unable to connect")),
                new RedisSystemException("wrapped", new RedisCommandTimeoutException("timed out")),
                new IllegalStateException("outer", new ConnectException("Connection refused")),
                new RedisSystemException("wrapped", new RedisException("Connection closed")),
                new TimeoutException("Did not observe any item or terminal signal within 2000ms"));
    }

    @ParameterizedTest
    @MethodSource("dependencyFailures")
    void answersADependencyFailureWith503RetryAfterProblem(Throwable failure) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/members"));

        handler.handle(exchange, failure).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).contains("\"status\":503")
            .contains(ProblemWebExceptionHandler.UNAVAILABLE_DETAIL)
            .doesNotContain("refused")
            .doesNotContain("Redis");
    }

    @Test
    void aBugIsStill500WithoutRetryAfter() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/members"));

        handler.handle(exchange, new IllegalStateException("bug")).block(Duration.ofSeconds(5));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void aDataErrorThatIsNotAnOutageIsNotCalledUnavailable() {
        assertThat(DependencyFailures.isUnavailable(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DependencyFailures.isUnavailable(new RuntimeException("no cause"))).isFalse();
    }

}
