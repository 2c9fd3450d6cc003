package com.acme.shop.gateway.upstream;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.common.net.TrustedProxies;

/**
 * Tells upstreams who the client is, with common's {@link TrustedProxies}
 * ({@code TRUSTED_PROXIES}) as the single source of trust. Spring Cloud Gateway's own
 * {@code trusted-proxies} regex stays unset, so its {@code RemoveXForwardedHeadersFilter}
 * / {@code RemoveForwardedHeadersFilter} drop every client-sent {@code X-Forwarded-*} and
 * {@code Forwarded} header; this filter then sets {@code X-Forwarded-For} to exactly one
 * address: the client as {@link TrustedProxies#clientAddress} computes it from the TCP
 * peer and the request's own {@code X-Forwarded-For} (the peer itself unless it is a
 * trusted proxy). So auth's per-IP limiter (rules B14), which trusts the gateway and
 * reads the last entry, sees the real client, and a client can never choose the address
 * it is counted under. Setting SCG's property as well is refused at startup: two sources
 * of trust would disagree silently.
 */
@Component
class ClientAddressHeadersFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = TrustedProxies.X_FORWARDED_FOR;

    /**
     * Spring Cloud Gateway's own (regex) trust setting, which this gateway does not use.
     */
    static final String SCG_TRUSTED_PROXIES = "spring.cloud.gateway.server.webflux.trusted-proxies";

    private final TrustedProxies trustedProxies;

    ClientAddressHeadersFilter(TrustedProxies trustedProxies, Environment environment) {
        this.trustedProxies = trustedProxies;
        if (StringUtils.hasText(environment.getProperty(SCG_TRUSTED_PROXIES))) {
            throw new IllegalStateException(SCG_TRUSTED_PROXIES + " is set; the gateway decides which forwarded "
                    + "headers to believe from TRUSTED_PROXIES (shop.trusted-proxies, a CIDR list) only. " + "Remove "
                    + SCG_TRUSTED_PROXIES + " and set TRUSTED_PROXIES instead.");
        }
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        List<String> forwardedFor = exchange.getRequest().getHeaders().get(X_FORWARDED_FOR);
        String client = trustedProxies.clientAddress(peer, forwardedFor);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.remove(X_FORWARDED_FOR);
        if (client != null) {
            headers.set(X_FORWARDED_FOR, client);
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
