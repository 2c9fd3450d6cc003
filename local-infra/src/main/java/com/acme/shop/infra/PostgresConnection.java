package com.acme.shop.infra;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a PostgreSQL server is and how to log in to it.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param database database name
 * @param user     user name
 * @param password password (may be empty, never null)
 */
public record PostgresConnection(String host, int port, String database, String user, String password) {

    public static final int DEFAULT_PORT = 5432;

    public PostgresConnection {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("invalid port " + port);
        }
    }

    /** {@code jdbc:postgresql://host:port/db} */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostPort() + "/" + database;
    }

    /** {@code r2dbc:postgresql://host:port/db} */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + hostPort() + "/" + database;
    }

    /** {@code postgresql://user:password@host:port/db}, the {@code DATABASE_URL} format. */
    public String databaseUrl() {
        String credentials = encode(user) + (password.isEmpty() ? "" : ":" + encode(password));
        return "postgresql://" + credentials + "@" + hostPort() + "/" + database;
    }

    /**
     * Parses a {@code DATABASE_URL}: {@code postgresql://user:password@host:port/db} (also {@code postgres://};
     * user and password may be percent-encoded; port defaults to 5432, database to {@code postgres};
     * a query string is ignored).
     */
    public static PostgresConnection parse(String databaseUrl) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        URI uri;
        try {
            uri = new URI(databaseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/db)");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// (got scheme " + scheme + ")");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("DATABASE_URL has no host");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
        String path = uri.getRawPath();
        String database = path == null || path.length() <= 1 ? "postgres" : decode(path.substring(1));
        String user = "postgres";
        String password = "";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                user = decode(userInfo);
            } else {
                user = decode(userInfo.substring(0, colon));
                password = decode(userInfo.substring(colon + 1));
            }
        }
        return new PostgresConnection(host, port, database, user, password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PostgresConnection[" + user + "@" + hostPort() + "/" + database + "]";
    }

    private String hostPort() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return h + ":" + port;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
