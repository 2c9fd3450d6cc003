package com.acme.shop.web.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.web.util.UriUtils;

/**
 * Validates a {@code next} parameter (C11): only a local path starting with a single
 * {@code /} is accepted (not {@code //}, not {@code /\}, no scheme, no authority, no
 * control characters), checked both as given and once more percent-decoded.
 */
public final class SafeRedirects {

    public static final String HOME = "/";

    private SafeRedirects() {
    }

    public static Optional<String> localPath(String next) {
        if (next == null || next.isEmpty() || next.length() > 2048) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = UriUtils.decode(next, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        if (!isLocal(next) || !isLocal(decoded)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return Optional.empty();
            }
        }
        catch (URISyntaxException ex) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    /** The target for {@code next}: the path when safe, else {@code /}. */
    public static String targetOrHome(String next) {
        return localPath(next).orElse(HOME);
    }

    private static boolean isLocal(String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

}
