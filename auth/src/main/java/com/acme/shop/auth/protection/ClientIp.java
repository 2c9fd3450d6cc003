package com.acme.shop.auth.protection;

import com.acme.shop.common.net.TrustedProxies;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client address that rate limits count: the TCP peer, or, when the peer is one of
 * the configured trusted proxies ({@code TRUSTED_PROXIES}), the rightmost untrusted
 * {@code X-Forwarded-For} entry (common's {@link TrustedProxies}). A caller that is not a
 * trusted proxy cannot choose the address it is counted under.
 */
public final class ClientIp {

    private ClientIp() {
    }

    public static String of(ServerHttpRequest request, TrustedProxies trustedProxies) {
        String address = trustedProxies.clientAddress(request.getRemoteAddress(),
                request.getHeaders().get(TrustedProxies.X_FORWARDED_FOR));
        return address == null ? "unknown" : address;
    }

}
