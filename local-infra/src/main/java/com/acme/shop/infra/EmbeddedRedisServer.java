package com.acme.shop.infra;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Redis server (codemonstur embedded-redis, the binary bundled in its jar) bound
 * to 127.0.0.1.
 * <p>
 * Without a data directory nothing is persisted. With one, the append-only file and RDB
 * snapshots go there, so data survives restarts. {@link #stop()} and {@link #restart()}
 * keep the port, for failure tests.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final int port;

    private final Path dataDir;

    private RedisServer server;

    private EmbeddedRedisServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts a server.
     * @param portOrZero TCP port, or 0 for a free one
     * @param dataDirOrNull directory for persistence (created when missing), or
     * {@code null} for none
     */
    public static EmbeddedRedisServer start(int portOrZero, Path dataDirOrNull) {
        Path dataDir = dataDirOrNull == null ? null : dataDirOrNull.toAbsolutePath();
        // a port found free a moment ago may be taken by another process before Redis
        // binds it: pick another
        int attempts = portOrZero > 0 ? 1 : 3;
        for (int attempt = 1;; attempt++) {
            EmbeddedRedisServer redis = new EmbeddedRedisServer(portOrZero > 0 ? portOrZero : FreePorts.find(),
                    dataDir);
            try {
                redis.startServer();
                return redis;
            }
            catch (UncheckedIOException e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
        }
    }

    public RedisConnection connection() {
        return new RedisConnection("127.0.0.1", port, null, 0);
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null && server.isActive();
    }

    /**
     * Stops the server (SIGTERM; with persistence Redis writes its data first).
     * Idempotent.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded Redis", e);
        }
        finally {
            server = null;
        }
    }

    /**
     * Starts the server again on the same port (after {@link #stop()}); a no-op while it
     * runs.
     */
    public synchronized void restart() {
        if (isRunning()) {
            return;
        }
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        try {
            var builder = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .onShutdownForceStop(false)
                .setting("protected-mode no");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                Path pidFile = dataDir.resolve("redis.pid");
                stopStale(pidFile);
                builder.setting("dir " + quote(dataDir.toString()))
                    .setting("pidfile " + quote(pidFile.toString()))
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save 300 1");
            }
            else {
                builder.setting("save \"\"").setting("appendonly no");
            }
            RedisServer started = builder.build();
            started.start();
            server = started;
        }
        catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start embedded Redis on port " + port + " (is another Redis using it?)", e);
        }
    }

    /**
     * A redis-server left running by a killed process on this data directory would hold
     * the port and the files.
     */
    private static void stopStale(Path pidFile) {
        StaleProcesses.find(pidFile, StaleProcesses.commandContains("redis-server")).ifPresent(stale -> {
            System.err.println("[local-infra] stopping a Redis server left running on this data directory (pid "
                    + stale.pid() + ")");
            StaleProcesses.stop(stale, ProcessHandle::destroy, Duration.ofSeconds(20));
        });
    }

    private static String quote(String path) {
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
