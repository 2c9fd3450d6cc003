package com.acme.shop.urls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void readsEveryPartAndDecodesCredentials() {
        assertEquals(new DatabaseUrl("db.internal", 5433, "shop db", "shop", "p@ss:w+d", "sslmode=require"),
                DatabaseUrl.parse(" postgresql://shop:p%40ss%3Aw+d@db.internal:5433/shop%20db?sslmode=require "));
    }

    @Test
    void defaultsPortAndDatabaseAndLeavesMissingCredentialsUnset() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://localhost");
        assertEquals(new DatabaseUrl("localhost", 5432, "postgres", null, null, null), url);
        assertEquals("", url.querySuffix());
        assertEquals(new DatabaseUrl("h", 5432, "d", "u", null, null), DatabaseUrl.parse("postgresql://u@h/d"));
        assertEquals("?a=b", DatabaseUrl.parse("postgresql://h/d?a=b").querySuffix());
    }

    @Test
    void refusesOtherSchemesMissingHostsAndGarbageWithoutEchoingTheValue() {
        for (String bad : new String[] { "mysql://u:topsecret@h/d", "postgresql:///d", "postgresql://u:topsecret@h d/x",
                "", "  " }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(bad));
            assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(null));
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(DatabaseUrl.parse("postgresql://u:topsecret@h/d").toString().contains("topsecret"));
    }

}
