package com.acme.shop.gateway.upstream;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

import com.acme.shop.gateway.GatewayProperties;

/**
 * The upstream response timeout ({@code UPSTREAM_RESPONSE_TIMEOUT}, default 10 s) as
 * Reactor Netty's own: a read timeout on the upstream connection, armed once the request
 * is sent, on the connection's event loop. Spring Cloud Gateway's
 * {@code httpclient.response-timeout} would instead wrap every proxied response in a
 * Reactor {@code timeout} operator, i.e. schedule and cancel a task on the shared
 * {@code parallel} scheduler per request (issue 10). An upstream that sends nothing for
 * that long, before or while answering, ends in a {@code ReadTimeoutException}, which
 * {@link UpstreamFailureFilter} turns into a 504 problem.
 */
@Component
class UpstreamResponseTimeout implements HttpClientCustomizer {

    private final GatewayProperties properties;

    UpstreamResponseTimeout(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpClient customize(HttpClient httpClient) {
        return httpClient.responseTimeout(properties.upstreamResponseTimeout());
    }

}
