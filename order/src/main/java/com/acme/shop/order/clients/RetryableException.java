package com.acme.shop.order.clients;

import java.util.concurrent.TimeoutException;

import com.acme.shop.common.problem.DependencyFailures;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Another service answered 5xx (or 408/429): a retry with the same key may succeed. The
 * outcome of the call is unknown.
 */
public class RetryableException extends RuntimeException {

    public RetryableException(String message) {
        super(message);
    }

    /**
     * Whether a retry may cure {@code error}: this exception, a timeout, a connection
     * that could not be made or broke, or another dependency failure.
     */
    public static boolean isRetryable(Throwable error) {
        return error instanceof RetryableException || error instanceof TimeoutException
                || error instanceof WebClientRequestException || DependencyFailures.isUnavailable(error);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

}
