package com.acme.shop.urls;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The URL handling {@link DatabaseUrl} and {@link RedisUrl} share; messages never echo a
 * value.
 */
final class UrlParts {

    record Credentials(String user, String password) {
    }

    private UrlParts() {
    }

    static URI uri(String value, String name, String expected) {
        try {
            return new URI(value.trim());
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL (expected " + expected + ")");
        }
    }

    static String host(URI uri, String name) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException(name + " has no host");
        }
        return host;
    }

    /** {@code user[:password]} of the URL, each decoded, {@code null} where absent. */
    static Credentials credentials(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return new Credentials(null, null);
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 ? new Credentials(decode(userInfo), null)
                : new Credentials(decode(userInfo.substring(0, colon)), decode(userInfo.substring(colon + 1)));
    }

    /**
     * Percent-decoding that keeps a literal {@code +} (URL user info is not form
     * encoding).
     */
    static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

}
