package com.acme.shop.web.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.UriUtils;

/**
 * Which {@code /api/**} paths the proxy may forward to the gateway. Auth's API
 * ({@code /api/auth/**}: login, refresh, register... whose answers carry tokens) never
 * reaches page scripts (B9), however the path is spelled. Two rules:
 * <ul>
 * <li>A path with an ambiguous spelling is refused as a whole: empty, {@code .} or
 * {@code ..} segments, backslashes, path parameters ({@code ;x}), or percent-encoded
 * characters that need no encoding (letters, digits, {@code -._~}) or that change the
 * path's structure ({@code / \ . ; %}). No API path of ours needs any of them; servers
 * and proxies disagree on how to read them.</li>
 * <li>Otherwise the path is percent-decoded, split and compared ignoring case:
 * {@code /api/auth} and everything below it is refused.</li>
 * </ul>
 */
final class ProxiedPaths {

    private static final List<String> BLOCKED_PREFIX = List.of("api", "auth");

    private static final int MAX_DECODE_ROUNDS = 5;

    private ProxiedPaths() {
    }

    /**
     * Whether the request path (raw, still percent-encoded) is for the proxy, even if
     * spelled oddly.
     */
    static boolean targetsApi(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        if (rawPath.regionMatches(true, 0, "/api", 0, 4)) {
            return true;
        }
        List<String> segments = normalizedSegments(rawPath);
        return segments != null && !segments.isEmpty() && segments.get(0).equals("api");
    }

    /** Whether the proxy may forward this raw path. */
    static boolean isForwardable(String rawPath) {
        if (rawPath == null || isAmbiguous(rawPath)) {
            return false;
        }
        List<String> segments = normalizedSegments(rawPath);
        return segments != null && !(segments.size() >= BLOCKED_PREFIX.size()
                && segments.subList(0, BLOCKED_PREFIX.size()).equals(BLOCKED_PREFIX));
    }

    /**
     * The path's segments as the most lenient server would read them (decoded until
     * stable, {@code \} as {@code /}, dot segments resolved, path parameters dropped,
     * lower case); {@code null} if undecodable.
     */
    static List<String> normalizedSegments(String rawPath) {
        String decoded = rawPath;
        for (int round = 0; round < MAX_DECODE_ROUNDS && decoded.indexOf('%') >= 0; round++) {
            String next;
            try {
                next = UriUtils.decode(decoded, StandardCharsets.UTF_8);
            }
            catch (IllegalArgumentException ex) {
                return null;
            }
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : decoded.replace('\\', '/').split("/")) {
            int parameters = raw.indexOf(';');
            String segment = (parameters >= 0 ? raw.substring(0, parameters) : raw).strip().toLowerCase(Locale.ROOT);
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(segment);
        }
        return List.copyOf(segments);
    }

    static boolean isAmbiguous(String rawPath) {
        if (rawPath.indexOf('\\') >= 0 || rawPath.indexOf(';') >= 0 || rawPath.contains("//")) {
            return true;
        }
        String[] segments = rawPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && i < segments.length - 1)) {
                return true;
            }
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length()) {
                return true;
            }
            int value;
            try {
                value = Integer.parseInt(rawPath.substring(i + 1, i + 3), 16);
            }
            catch (NumberFormatException ex) {
                return true;
            }
            char c = (char) value;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~/\\;%".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

}
