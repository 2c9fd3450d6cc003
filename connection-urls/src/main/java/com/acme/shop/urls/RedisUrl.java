package com.acme.shop.urls;

import java.net.URI;
import java.util.function.Function;

/**
 * Where Redis is, from {@code REDIS_URL} (a host, {@code host:port}, or
 * {@code redis[s]://[[user]:password@]host[:port][/db]}) and the separate
 * {@code REDIS_PORT}, {@code REDIS_PASSWORD} and {@code REDIS_DB}, which win over the
 * parts of the URL. Each part is {@code null} when nothing names it: the caller applies
 * its own defaults.
 *
 * @param host host name or address
 * @param port TCP port
 * @param username user name (ACL), from the URL only
 * @param password password (never empty)
 * @param database database index
 * @param ssl true for {@code rediss://}
 */
public record RedisUrl(String host, Integer port, String username, String password, Integer database, boolean ssl) {

    public static final String NAME = "REDIS_URL";

    /**
     * Reads the variables through {@code env} (such as {@code System::getenv} or
     * {@code map::get}); blank ones count as unset. The message of a refusal never
     * contains a value.
     */
    public static RedisUrl fromEnv(Function<String, String> env) {
        String host = null;
        Integer port = null;
        String username = null;
        String password = null;
        Integer database = null;
        boolean ssl = false;
        String url = trimToNull(env.apply(NAME));
        if (url != null && url.contains("://")) {
            URI uri = UrlParts.uri(url, NAME, "a host or redis://[:password@]host[:port][/db]");
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                throw new IllegalArgumentException(NAME + " must be a host or redis://[:password@]host[:port][/db]");
            }
            host = UrlParts.host(uri, NAME);
            port = uri.getPort() > 0 ? uri.getPort() : null;
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                int colon = userInfo.indexOf(':');
                username = colon > 0 ? UrlParts.decode(userInfo.substring(0, colon)) : null;
                password = emptyToNull(UrlParts.decode(colon < 0 ? userInfo : userInfo.substring(colon + 1)));
            }
            String path = uri.getPath();
            if (path != null && path.length() > 1) {
                database = number(path.substring(1), NAME + " database");
            }
            ssl = "rediss".equals(uri.getScheme());
        }
        else if (url != null) {
            int colon = url.lastIndexOf(':');
            if (colon > 0 && url.indexOf(':') == colon) {
                host = url.substring(0, colon);
                port = number(url.substring(colon + 1), NAME + " port");
            }
            else {
                host = url;
            }
        }
        String portVariable = trimToNull(env.apply("REDIS_PORT"));
        if (portVariable != null) {
            port = number(portVariable, "REDIS_PORT");
        }
        String passwordVariable = env.apply("REDIS_PASSWORD");
        if (passwordVariable != null && !passwordVariable.isEmpty()) {
            password = passwordVariable;
        }
        String databaseVariable = trimToNull(env.apply("REDIS_DB"));
        if (databaseVariable != null) {
            database = number(databaseVariable, "REDIS_DB");
        }
        return new RedisUrl(host, port, username, password, database, ssl);
    }

    /** True when {@code REDIS_URL} is set (non-blank). */
    public static boolean isConfigured(Function<String, String> env) {
        return trimToNull(env.apply(NAME)) != null;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RedisUrl[" + host + ":" + port + "/" + database + (password == null ? "" : ", password set") + "]";
    }

    private static int number(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number");
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
