package com.acme.shop.urls;

import java.net.URI;

/**
 * A parsed {@code DATABASE_URL}:
 * {@code postgresql://[user[:password]@]host[:port][/database][?query]} (also
 * {@code postgres://}; user, password and database may be percent-encoded).
 *
 * @param host host name or address
 * @param port TCP port ({@value #DEFAULT_PORT} when the URL names none)
 * @param database database name ({@value #DEFAULT_DATABASE} when the URL names none)
 * @param user user name, or {@code null} when the URL names none
 * @param password password, or {@code null} when the URL names none
 * @param query the raw query string without {@code ?} (driver options such as
 * {@code sslmode=require}), or {@code null}
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, String query) {

    public static final String NAME = "DATABASE_URL";

    public static final int DEFAULT_PORT = 5432;

    public static final String DEFAULT_DATABASE = "postgres";

    /**
     * Parses a {@code DATABASE_URL}; the message of a refusal never contains the value
     * (it may hold a password).
     */
    public static DatabaseUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(NAME + " is empty");
        }
        URI uri = UrlParts.uri(value, NAME, "postgresql://user:password@host:port/db");
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException(NAME + " must start with postgresql:// (got scheme " + scheme + ")");
        }
        String host = UrlParts.host(uri, NAME);
        int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
        String path = uri.getRawPath();
        String database = path == null || path.length() <= 1 ? DEFAULT_DATABASE : UrlParts.decode(path.substring(1));
        UrlParts.Credentials credentials = UrlParts.credentials(uri);
        return new DatabaseUrl(host, port, database, credentials.user(), credentials.password(), uri.getRawQuery());
    }

    /** {@code ?query}, or an empty string: to append to a JDBC or R2DBC URL. */
    public String querySuffix() {
        return query == null || query.isEmpty() ? "" : "?" + query;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
}
