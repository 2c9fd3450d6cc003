package com.acme.shop.web.auth;

import java.net.InetSocketAddress;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The browser's address as web-ui sees it (the remote address of the connection), sent to auth as
 * {@code X-Forwarded-For} so auth's per-IP login limiter (B14) counts each browser on its own rather
 * than all users in one bucket. Whatever {@code X-Forwarded-For} the browser sent is never passed on.
 */
public record ClientAddress(String value) {

    public static final String HEADER = "X-Forwarded-For";

    /** The remote address of the exchange, or {@code null} when unknown. */
    public static ClientAddress of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        String value = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        return value == null || value.isBlank() ? null : new ClientAddress(value);
    }

    /** Sets {@code X-Forwarded-For} to the client's address alone (nothing when unknown). */
    static void forward(HttpHeaders headers, ClientAddress client) {
        headers.remove(HEADER);
        if (client != null) {
            headers.set(HEADER, client.value());
        }
    }
}
