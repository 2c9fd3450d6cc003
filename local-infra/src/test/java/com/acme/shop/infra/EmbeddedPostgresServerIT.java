package com.acme.shop.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresServerIT {

    @Test
    void runsPostgres17ReachableThroughItsConnection() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(null, 0)) {
            PostgresConnection c = pg.connection();
            assertEquals(c, PostgresConnection.parse(c.databaseUrl()));
            try (Connection jdbc = connect(c);
                    Statement st = jdbc.createStatement();
                    ResultSet rs = st.executeQuery("show server_version_num")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 170000, "PostgreSQL 17 expected, got " + rs.getInt(1));
            }
        }
    }

    @Test
    void keepsDataAcrossRestartsWithDataDirectory(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, 0);
                Connection jdbc = connect(pg.connection());
                Statement st = jdbc.createStatement()) {
            st.execute("create table kept(v text)");
            st.execute("insert into kept values ('survives')");
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, 0);
                Connection jdbc = connect(pg.connection());
                Statement st = jdbc.createStatement();
                ResultSet rs = st.executeQuery("select v from kept")) {
            rs.next();
            assertEquals("survives", rs.getString(1));
        }
    }

    private static Connection connect(PostgresConnection c) throws SQLException {
        return DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password());
    }

}
