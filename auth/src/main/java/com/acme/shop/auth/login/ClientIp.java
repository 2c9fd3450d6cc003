package com.acme.shop.auth.login;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** The client address for rate limiting: the last X-Forwarded-For entry (added by our proxy) when trusted. */
final class ClientIp {

    private ClientIp() {
    }

    static String of(ServerHttpRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            List<String> values = request.getHeaders().get("X-Forwarded-For");
            if (values != null && !values.isEmpty()) {
                String last = values.get(values.size() - 1);
                String[] parts = last.split(",");
                String candidate = parts[parts.length - 1].trim();
                if (!candidate.isEmpty() && candidate.length() <= 64 && candidate.matches("[0-9A-Fa-f:.\\[\\]%a-zA-Z_-]+")) {
                    return candidate;
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
