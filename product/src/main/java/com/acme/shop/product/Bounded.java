package com.acme.shop.product;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.QueryTimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds database work by {@code shop.product.db-timeout}: a PostgreSQL that hangs or a
 * network that drops packets gives a {@link QueryTimeoutException} (→ 503 with
 * {@code Retry-After}, common's problem handler) within seconds. A cancelled reactive
 * transaction is rolled back.
 */
public final class Bounded {

    private final Duration timeout;

    public Bounded(Duration timeout) {
        this.timeout = timeout;
    }

    public <T> Mono<T> mono(Mono<T> operation) {
        return operation.timeout(timeout).onErrorMap(TimeoutException.class, this::timedOut);
    }

    /** The whole result within the timeout (not only the first row). */
    public <T> Flux<T> flux(Flux<T> operation) {
        return operation.collectList()
            .timeout(timeout)
            .onErrorMap(TimeoutException.class, this::timedOut)
            .flatMapIterable(rows -> rows);
    }

    private QueryTimeoutException timedOut(TimeoutException e) {
        return new QueryTimeoutException("No answer from the database within " + timeout, e);
    }

}
