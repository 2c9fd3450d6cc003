package com.acme.shop.gateway.upstream;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway never sends a request to an upstream twice. Reactor Netty's HTTP client by
 * default retries a request once when the connection is reset, also after the request was
 * already sent; for a POST that can execute a create twice behind the idempotency layer,
 * which claimed the key only once. With the retry off such a failure answers 502/503 and
 * the client decides (with its idempotency key) whether to send again.
 */
@Component
class NoResendHttpClientCustomizer implements HttpClientCustomizer {

    @Override
    public HttpClient customize(HttpClient httpClient) {
        return httpClient.disableRetry(true);
    }

}
