package com.acme.shop.infra;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.acme.shop.urls.DatabaseUrl;

/**
 * Where a PostgreSQL server is and how to log in to it.
 *
 * @param host host name or address
 * @param port TCP port
 * @param database database name
 * @param user user name
 * @param password password (may be empty, never null)
 */
public record PostgresConnection(String host, int port, String database, String user, String password) {

    public static final int DEFAULT_PORT = DatabaseUrl.DEFAULT_PORT;

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

    /**
     * {@code postgresql://user:password@host:port/db}, the {@code DATABASE_URL} format.
     */
    public String databaseUrl() {
        String credentials = encode(user) + (password.isEmpty() ? "" : ":" + encode(password));
        return "postgresql://" + credentials + "@" + hostPort() + "/" + database;
    }

    /**
     * Parses a {@code DATABASE_URL} with the shared parser of connection-urls
     * ({@link DatabaseUrl}): {@code postgresql://user:password@host:port/db} (also
     * {@code postgres://}; user and password may be percent-encoded; port defaults to
     * 5432, database and user to {@code postgres}; a query string is ignored).
     */
    public static PostgresConnection parse(String databaseUrl) {
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        return new PostgresConnection(url.host(), url.port(), url.database(),
                url.user() == null ? "postgres" : url.user(), url.password());
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

}
