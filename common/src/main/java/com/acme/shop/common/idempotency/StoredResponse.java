package com.acme.shop.common.idempotency;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpHeaders;

/**
 * A completed response as stored for replay (A9): status, body bytes and only the headers
 * {@code Content-Type}, {@code Location}, {@code ETag} and {@code Content-Language}.
 *
 * @param fingerprint the request fingerprint it answers (A7)
 */
public record StoredResponse(String fingerprint, int status, Map<String, List<String>> headers, byte[] body) {

    /** The only response headers ever stored, in their canonical spelling. */
    public static final List<String> STORED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            HttpHeaders.ETAG, HttpHeaders.CONTENT_LANGUAGE);

    private static final Set<String> STORED_LOWER = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        STORED_LOWER.addAll(STORED_HEADERS);
    }

    public StoredResponse {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (STORED_LOWER.contains(name) && values != null && !values.isEmpty()) {
                    kept.put(canonical(name), List.copyOf(values));
                }
            });
        }
        headers = Map.copyOf(kept);
        body = body == null ? new byte[0] : body;
    }

    /** Picks the storable headers from a response's headers. */
    public static Map<String, List<String>> storable(HttpHeaders responseHeaders) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String name : STORED_HEADERS) {
            List<String> values = responseHeaders.get(name);
            if (values != null && !values.isEmpty()) {
                kept.put(name, List.copyOf(values));
            }
        }
        return kept;
    }

    private static String canonical(String name) {
        return STORED_HEADERS.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResponse other && fingerprint.equals(other.fingerprint) && status == other.status
                && headers.equals(other.headers) && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * fingerprint.hashCode() + status) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "StoredResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
    }
}
