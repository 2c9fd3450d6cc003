package com.acme.shop.infra;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import com.acme.shop.urls.RedisUrl;

/**
 * Where a Redis server is.
 *
 * @param host host name or address
 * @param port TCP port
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
        return RedisUrl.isConfigured(env::get);
    }

    /**
     * Reads {@code REDIS_URL} (a host, or
     * {@code redis://[[user]:password@]host[:port][/db]}), {@code REDIS_PORT},
     * {@code REDIS_PASSWORD} and {@code REDIS_DB} with the shared parser of
     * connection-urls ({@link RedisUrl}). The separate variables win over the parts of
     * the URL. Defaults: localhost, 6379, no password, 0.
     */
    public static RedisConnection fromEnv(Map<String, String> env) {
        RedisUrl url = RedisUrl.fromEnv(env::get);
        return new RedisConnection(url.host() == null ? "localhost" : url.host(),
                url.port() == null ? DEFAULT_PORT : url.port(), url.password(),
                url.database() == null ? 0 : url.database());
    }

    /** {@code redis://[:password@]host:port/db} */
    public String url() {
        String auth = password == null ? "" : ":" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "@";
        return "redis://" + auth + host + ":" + port + "/" + database;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RedisConnection[" + host + ":" + port + "/" + database + (password == null ? "" : ", password set")
                + "]";
    }
}
