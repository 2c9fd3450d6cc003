package com.acme.shop.common.observability;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.reactive.function.client.WebClient;

import com.acme.shop.common.requestid.RequestIdExchangeFilterFunction;

/**
 * Where the services' {@link WebClient}s come from: every call carries the request's
 * {@code X-Request-Id} ({@link RequestIdExchangeFilterFunction}) and is observed with the
 * application's {@link ObservationRegistry}, which records {@code http.client.requests}
 * and, with tracing on the classpath, sends the W3C {@code traceparent} of the current
 * span, so one trace runs browser → web-ui → gateway → bff → auth/member.
 * <p>
 * (The services build their clients themselves, with their own timeouts, rather than from
 * Spring Boot's {@code WebClient.Builder}, which lives in a module they do not use.)
 */
public final class WebClients {

    private WebClients() {
    }

    /** A new builder, observed with {@code registry}. */
    public static WebClient.Builder builder(ObservationRegistry registry) {
        return RequestIdExchangeFilterFunction.webClientBuilder().observationRegistry(registry);
    }

    /**
     * A new builder observed with the application's registry, or unobserved when there is
     * none (slice tests).
     */
    public static WebClient.Builder builder(ObjectProvider<ObservationRegistry> registry) {
        return builder(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

}
