package com.acme.shop.bench;

import java.net.URI;
import java.util.Set;

/** The harness talks to loopback only. */
final class Urls {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private Urls() {
    }

    static String requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (host == null || !LOOPBACK.contains(host)) {
            throw new IllegalArgumentException("refusing to benchmark a non-loopback URL: " + url);
        }
        return url;
    }

    /**
     * {@code http://localhost:5000} → {@code http://127.0.0.1:5000} (no IPv6 surprise).
     */
    static String ipv4(String url) {
        return url.replace("://localhost:", "://127.0.0.1:");
    }

    static int port(String url) {
        return URI.create(url).getPort();
    }

}
