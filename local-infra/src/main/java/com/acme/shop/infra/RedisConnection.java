package com.acme.shop.infra;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Where a Redis server is.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param password password, or {@code null} when none
 * @param database database index
 */
public record RedisConnection(String host, int port, String password, int database) {

    public static final int DEFAULT_PORT = 6379;

    public RedisConnection {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("invalid port " + port);
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
        if (database < 0) {
            throw new IllegalArgumentException("invalid database " + database);
        }
    }

    /** True when {@code REDIS_URL} is set (non-blank) in the given environment. */
    public static boolean isConfigured(Map<String, String> env) {
        String url = env.get("REDIS_URL");
        return url != null && !url.isBlank();
    }

    /**
     * Reads {@code REDIS_URL} (a host, or {@code redis://[[user]:password@]host[:port][/db]}), {@code REDIS_PORT},
     * {@code REDIS_PASSWORD} and {@code REDIS_DB}. The separate variables win over the parts of the URL.
     * Defaults: localhost, 6379, no password, 0.
     */
    public static RedisConnection fromEnv(Map<String, String> env) {
        String host = "localhost";
        int port = DEFAULT_PORT;
        String password = null;
        int database = 0;
        String url = trimToNull(env.get("REDIS_URL"));
        if (url != null) {
            if (url.contains("://")) {
                URI uri;
                try {
                    uri = new URI(url);
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("REDIS_URL is not a valid URL (expected a host or redis://[:password@]host[:port][/db])");
                }
                if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                    throw new IllegalArgumentException("REDIS_URL must be a host or start with redis://");
                }
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("REDIS_URL has no host");
                }
                host = uri.getHost();
                if (uri.getPort() > 0) {
                    port = uri.getPort();
                }
                String userInfo = uri.getRawUserInfo();
                if (userInfo != null && !userInfo.isEmpty()) {
                    int colon = userInfo.indexOf(':');
                    password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
                }
                String path = uri.getPath();
                if (path != null && path.length() > 1) {
                    database = parseInt(path.substring(1), "REDIS_URL database");
                }
            } else {
                int colon = url.lastIndexOf(':');
                if (colon > 0 && url.indexOf(':') == colon) {
                    host = url.substring(0, colon);
                    port = parseInt(url.substring(colon + 1), "REDIS_URL port");
                } else {
                    host = url;
                }
            }
        }
        String portVar = trimToNull(env.get("REDIS_PORT"));
        if (portVar != null) {
            port = parseInt(portVar, "REDIS_PORT");
        }
        String passwordVar = env.get("REDIS_PASSWORD");
        if (passwordVar != null && !passwordVar.isEmpty()) {
            password = passwordVar;
        }
        String dbVar = trimToNull(env.get("REDIS_DB"));
        if (dbVar != null) {
            database = parseInt(dbVar, "REDIS_DB");
        }
        return new RedisConnection(host, port, password, database);
    }

    /** {@code redis://[:password@]host:port/db} */
    public String url() {
        String auth = password == null ? "" : ":" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "@";
        return "redis://" + auth + host + ":" + port + "/" + database;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RedisConnection[" + host + ":" + port + "/" + database + (password == null ? "" : ", password set") + "]";
    }

    private static int parseInt(String value, String what) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number: " + value);
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
