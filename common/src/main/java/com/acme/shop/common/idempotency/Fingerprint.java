package com.acme.shop.common.idempotency;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The request fingerprint of rule A7:
 * {@code SHA-256(method ‖ path+query ‖ Content-Type ‖ raw body)}, each part
 * length-prefixed; an absent Content-Type differs from an empty one.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String method, String pathAndQuery, String contentTypeOrNull, byte[] body) {
        return new Sha256().field(method.getBytes(StandardCharsets.UTF_8))
            .field(pathAndQuery.getBytes(StandardCharsets.UTF_8))
            .field(contentTypeOrNull == null ? null : contentTypeOrNull.getBytes(StandardCharsets.UTF_8))
            .field(body)
            .hex();
    }

    public static String of(ServerHttpRequest request, byte[] body) {
        return of(request.getMethod().name(), pathAndQuery(request),
                request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), body);
    }

    /** The raw (still percent-encoded) path and query, e.g. {@code /api/members?x=1}. */
    static String pathAndQuery(ServerHttpRequest request) {
        String path = request.getURI().getRawPath();
        String query = request.getURI().getRawQuery();
        return query == null ? path : path + "?" + query;
    }

}
