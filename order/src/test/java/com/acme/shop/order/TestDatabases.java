package com.acme.shop.order;

import com.acme.shop.infra.PostgresConnection;
import com.acme.shop.infra.TestInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh, empty databases on the test PostgreSQL, so each application context starts from
 * nothing.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /**
     * Creates a new database and returns the Spring properties (R2DBC and Flyway) that
     * point at it.
     */
    public static Map<String, String> create(String prefix) {
        PostgresConnection server = TestInfra.postgres();
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create test database " + name, ex);
        }
        PostgresConnection db = new PostgresConnection(server.host(), server.port(), name, server.user(),
                server.password());
        Map<String, String> properties = new LinkedHashMap<>(TestInfra.springProperties());
        properties.put("spring.r2dbc.url", db.r2dbcUrl());
        properties.put("spring.flyway.url", db.jdbcUrl());
        return properties;
    }

}
