package com.acme.shop.web.client;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.acme.shop.common.net.TrustedProxies;

import reactor.core.publisher.Mono;

/**
 * Resolves the request's {@link ClientAddress} once, before anything needs it, through
 * the trusted proxies.
 */
@Component
@Order(-400)
class ClientAddressWebFilter implements WebFilter {

    private final TrustedProxies trustedProxies;

    ClientAddressWebFilter(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ClientAddress address = ClientAddress.resolve(exchange.getRequest(), trustedProxies);
        if (address != null) {
            exchange.getAttributes().put(ClientAddress.ATTRIBUTE, address);
        }
        return chain.filter(exchange);
    }

}
