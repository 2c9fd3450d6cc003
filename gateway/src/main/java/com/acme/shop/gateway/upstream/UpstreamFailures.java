package com.acme.shop.gateway.upstream;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Classifies an error raised while proxying to an upstream: unreachable (connection
 * refused, unknown host, connect timeout) is 503, no answer in time is 504, a connection
 * closed before the response is 502. Anything else is not an upstream failure.
 */
public final class UpstreamFailures {

    private UpstreamFailures() {
    }

    public static Optional<HttpStatus> classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException) {
                return Optional.of(HttpStatus.SERVICE_UNAVAILABLE);
            }
            if (t instanceof TimeoutException || isNamed(t, "io.netty.handler.timeout.ReadTimeoutException")) {
                return Optional.of(HttpStatus.GATEWAY_TIMEOUT);
            }
            if (t instanceof ResponseStatusException rse
                    && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return Optional.of(HttpStatus.GATEWAY_TIMEOUT);
            }
            if (isNamed(t, "reactor.netty.http.client.PrematureCloseException")) {
                return Optional.of(HttpStatus.BAD_GATEWAY);
            }
        }
        return Optional.empty();
    }

    public static String detail(HttpStatus status) {
        return switch (status) {
            case SERVICE_UNAVAILABLE -> "The upstream service is unavailable. Try again later.";
            case GATEWAY_TIMEOUT -> "The upstream service did not answer in time.";
            default -> "The upstream service closed the connection before answering.";
        };
    }

    private static boolean isNamed(Throwable t, String className) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

}
