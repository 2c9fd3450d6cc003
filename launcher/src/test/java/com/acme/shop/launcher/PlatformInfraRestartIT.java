package com.acme.shop.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault-test hooks: the embedded Redis and PostgreSQL stop and start again on the
 * same port and data.
 */
class PlatformInfraRestartIT {

    @TempDir
    Path repo;

    @Test
    void stopsAndRestartsEmbeddedRedisAndPostgresOnTheSamePortKeepingTheirData() throws Exception {
        PlatformOptions options = PlatformOptions.defaults()
            .withRepoRoot(repo)
            .withDataDir(repo.resolve(".data"))
            .withServices("member")
            .withRandomPorts()
            .withLogs(false)
            .withEnv("DATABASE_URL", "")
            .withEnv("REDIS_URL", "");
        try (Platform platform = Platform.start(options)) {
            int redisPort = platform.redis().port();
            assertEquals("+OK", redis(redisPort, "SET", "fault-key", "kept"));
            sql(platform, "CREATE TABLE fault_check (v text); INSERT INTO fault_check VALUES ('kept')");

            platform.stopRedis();
            assertThrows(IOException.class, () -> redis(redisPort, "PING"));
            platform.startRedis();
            assertEquals("$4kept", redis(redisPort, "GET", "fault-key"));

            platform.stopPostgres();
            assertThrows(SQLException.class, () -> sql(platform, "SELECT 1"));
            platform.startPostgres();
            assertEquals(redisPort, platform.redis().port());
            assertEquals("kept", sql(platform, "SELECT v FROM fault_check"));
        }
    }

    private static String sql(Platform platform, String statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(platform.postgres().jdbcUrl(), platform.postgres().user(),
                platform.postgres().password()); Statement s = c.createStatement()) {
            boolean rows = s.execute(statements);
            if (rows) {
                try (ResultSet result = s.getResultSet()) {
                    assertTrue(result.next());
                    return result.getString(1);
                }
            }
            return null;
        }
    }

    /**
     * One RESP command; the reply's first line(s) without CRLF (a bulk string as
     * {@code $<len><value>}).
     */
    private static String redis(int port, String... args) throws IOException {
        StringBuilder command = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            command.append('$')
                .append(arg.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\n")
                .append(arg)
                .append("\r\n");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(command.toString().getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            String first = line(in);
            return first.startsWith("$") && !first.equals("$-1") ? first.substring(0, 2) + line(in) : first;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder out = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                out.append((char) c);
            }
        }
        return out.toString();
    }

}
