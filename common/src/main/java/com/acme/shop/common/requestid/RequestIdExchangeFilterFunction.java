package com.acme.shop.common.requestid;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Carries the id of the request being served into every outgoing {@link WebClient} call:
 * {@link RequestIdWebFilter} puts the id in the Reactor context
 * ({@link RequestIdWebFilter#CONTEXT_KEY}), this filter reads it from there and sets
 * {@link RequestIdWebFilter#HEADER} on the outgoing request. A call made outside a
 * request (no id in the context) and a call that sets the header itself are sent as they
 * are.
 * <p>
 * Every service builds its {@code WebClient}s from {@link #webClientBuilder()} (or adds
 * {@link #create()} to its own builder); nothing copies the header by hand.
 */
public final class RequestIdExchangeFilterFunction implements ExchangeFilterFunction {

    private static final RequestIdExchangeFilterFunction INSTANCE = new RequestIdExchangeFilterFunction();

    private RequestIdExchangeFilterFunction() {
    }

    /** The filter, to add to a {@link WebClient.Builder}. */
    public static ExchangeFilterFunction create() {
        return INSTANCE;
    }

    /** A new {@link WebClient.Builder} with the filter applied. */
    public static WebClient.Builder webClientBuilder() {
        return WebClient.builder().filter(INSTANCE);
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Mono.deferContextual(context -> {
            String id = context.getOrDefault(RequestIdWebFilter.CONTEXT_KEY, null);
            if (id == null || request.headers().containsHeader(RequestIdWebFilter.HEADER)) {
                return next.exchange(request);
            }
            return next.exchange(ClientRequest.from(request).header(RequestIdWebFilter.HEADER, id).build());
        });
    }

}
