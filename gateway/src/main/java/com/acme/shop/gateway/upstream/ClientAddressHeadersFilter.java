package com.acme.shop.gateway.upstream;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells upstreams who the client is. Spring Cloud Gateway drops client-sent {@code X-Forwarded-*}
 * headers and adds its own only for remote addresses matching
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} (none by default: the gateway is the
 * edge). When it added none, this filter sets {@code X-Forwarded-For} to the connection's address,
 * so that auth's per-IP login limiter (rules B14), which reads the last entry, sees the real client
 * and a client cannot pick its own address.
 */
@Component
class ClientAddressHeadersFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (input.containsHeader(X_FORWARDED_FOR)) {
            return input;
        }
        String address = clientAddress(exchange.getRequest().getRemoteAddress());
        if (address == null) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(X_FORWARDED_FOR, address);
        return headers;
    }

    static String clientAddress(InetSocketAddress remote) {
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
