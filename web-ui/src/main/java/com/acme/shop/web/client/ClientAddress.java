package com.acme.shop.web.client;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.common.net.TrustedProxies;

/**
 * The browser's address, sent to auth as {@code X-Forwarded-For} so auth's per-IP login
 * limiter (B14) counts each browser on its own rather than all users in one bucket. It is
 * the TCP peer, unless the peer is a trusted proxy ({@code TRUSTED_PROXIES}): then it is
 * the rightmost untrusted address of the request's {@code X-Forwarded-For}
 * ({@link TrustedProxies#clientAddress}). An {@code X-Forwarded-For} sent by an untrusted
 * peer is never believed nor passed on. {@link ClientAddressWebFilter} resolves it once
 * per request.
 */
public record ClientAddress(String value) {

    public static final String HEADER = TrustedProxies.X_FORWARDED_FOR;
    static final String ATTRIBUTE = ClientAddress.class.getName();

    /**
     * The client address resolved for this exchange; the TCP peer when none was resolved.
     * {@code null} when unknown.
     */
    public static ClientAddress of(ServerWebExchange exchange) {
        ClientAddress resolved = exchange.getAttribute(ATTRIBUTE);
        return resolved != null ? resolved : resolve(exchange.getRequest(), TrustedProxies.none());
    }

    /**
     * The client address of a request as seen through these trusted proxies; {@code null}
     * when unknown.
     */
    static ClientAddress resolve(ServerHttpRequest request, TrustedProxies trustedProxies) {
        String value = trustedProxies.clientAddress(request.getRemoteAddress(), request.getHeaders().get(HEADER));
        return value == null || value.isBlank() ? null : new ClientAddress(value);
    }

    /**
     * Sets {@code X-Forwarded-For} to the client's address alone (nothing when unknown).
     */
    static void forward(HttpHeaders headers, ClientAddress client) {
        headers.remove(HEADER);
        if (client != null) {
            headers.set(HEADER, client.value());
        }
    }
}
