package com.acme.shop.common.problem;

import java.util.Set;

/**
 * Recognises errors that mean "a dependency (PostgreSQL, Redis, another server) cannot be
 * reached or did not answer in time", as opposed to a bug:
 * {@link ProblemWebExceptionHandler} answers those with 503 and {@code Retry-After}
 * instead of 500. Types are matched by class name, anywhere in the cause chain and the
 * class hierarchy, so that no service needs R2DBC, Lettuce or Netty on its class path for
 * this check:
 * <ul>
 * <li>Spring's translated data-access failures:
 * {@code DataAccessResourceFailureException} (which includes
 * {@code RedisConnectionFailureException}), {@code TransientDataAccessResourceException},
 * {@code QueryTimeoutException}, {@code CannotCreateTransactionException};</li>
 * <li>untranslated driver errors: R2DBC's {@code R2dbcNonTransientResourceException}
 * (connection refused or lost), {@code R2dbcTransientResourceException},
 * {@code R2dbcTimeoutException} (also r2dbc-pool's acquire timeout), reactor-pool's
 * acquire timeout, Lettuce's connection and command-timeout errors, Spring Data Redis'
 * {@code RedisSystemException} (e.g. a connection closed while a command was in
 * flight);</li>
 * <li>a Reactor {@code timeout()} that fired
 * ({@code java.util.concurrent.TimeoutException});</li>
 * <li>socket-level failures: {@code ConnectException}, {@code NoRouteToHostException},
 * {@code UnknownHostException}, Netty's {@code ConnectTimeoutException}.</li>
 * </ul>
 */
public final class DependencyFailures {

    private static final Set<String> UNAVAILABLE = Set.of("org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.dao.QueryTimeoutException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "io.r2dbc.spi.R2dbcNonTransientResourceException", "io.r2dbc.spi.R2dbcTransientResourceException",
            "io.r2dbc.spi.R2dbcTimeoutException", "reactor.pool.PoolAcquireTimeoutException",
            "io.lettuce.core.RedisConnectionException", "io.lettuce.core.RedisCommandTimeoutException",
            "org.springframework.data.redis.RedisSystemException", "java.util.concurrent.TimeoutException",
            "java.net.ConnectException", "java.net.NoRouteToHostException", "java.net.UnknownHostException",
            "io.netty.channel.ConnectTimeoutException");

    private static final int MAX_DEPTH = 32;

    private DependencyFailures() {
    }

    /**
     * True when the error, or one of its causes, says a dependency is unreachable or too
     * slow.
     */
    public static boolean isUnavailable(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null
                && depth < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause(), depth++) {
            for (Class<?> type = t.getClass(); type != null && type != Throwable.class; type = type.getSuperclass()) {
                if (UNAVAILABLE.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

}
