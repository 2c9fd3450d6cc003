package com.acme.shop.infra;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostgresConnectionTest {

    @Test
    void parsesDatabaseUrlWithAllParts() {
        PostgresConnection c = PostgresConnection.parse("postgresql://shop:s3cret@db.internal:5433/shopdb");
        assertEquals(new PostgresConnection("db.internal", 5433, "shopdb", "shop", "s3cret"), c);
        assertEquals("jdbc:postgresql://db.internal:5433/shopdb", c.jdbcUrl());
        assertEquals("r2dbc:postgresql://db.internal:5433/shopdb", c.r2dbcUrl());
        assertEquals("postgresql://shop:s3cret@db.internal:5433/shopdb", c.databaseUrl());
    }

    @Test
    void defaultsPortAndDatabaseAndIgnoresQuery() {
        PostgresConnection c = PostgresConnection.parse("postgres://u@localhost?sslmode=disable");
        assertEquals(new PostgresConnection("localhost", 5432, "postgres", "u", ""), c);
    }

    @Test
    void decodesPercentEncodedPasswordAndRoundTrips() {
        PostgresConnection c = PostgresConnection.parse("postgresql://u:p%40ss%3Aw%2Bd@h:1/d");
        assertEquals("p@ss:w+d", c.password());
        assertEquals(c, PostgresConnection.parse(c.databaseUrl()));
    }

    @Test
    void rejectsOtherSchemesAndGarbage() {
        assertThrows(IllegalArgumentException.class, () -> PostgresConnection.parse("mysql://u:p@h/d"));
        assertThrows(IllegalArgumentException.class, () -> PostgresConnection.parse(""));
        assertThrows(IllegalArgumentException.class, () -> PostgresConnection.parse("postgresql:///d"));
    }

    @Test
    void toStringHidesPassword() {
        assertFalse(PostgresConnection.parse("postgresql://u:topsecret@h/d").toString().contains("topsecret"));
    }

}
