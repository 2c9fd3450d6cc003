package com.acme.shop.infra;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisConnectionTest {

    @Test
    void plainHostUsesSeparateVariables() {
        RedisConnection c = RedisConnection
            .fromEnv(Map.of("REDIS_URL", "cache", "REDIS_PORT", "6380", "REDIS_PASSWORD", "pw", "REDIS_DB", "2"));
        assertEquals(new RedisConnection("cache", 6380, "pw", 2), c);
    }

    @Test
    void redisUrlCarriesPasswordPortAndDatabase() {
        assertEquals(new RedisConnection("r.example", 7000, "secret", 3),
                RedisConnection.fromEnv(Map.of("REDIS_URL", "redis://:secret@r.example:7000/3")));
    }

    @Test
    void separateVariablesWinOverUrlParts() {
        assertEquals(new RedisConnection("r", 7001, "other", 4), RedisConnection.fromEnv(Map.of("REDIS_URL",
                "redis://:secret@r:7000/3", "REDIS_PORT", "7001", "REDIS_PASSWORD", "other", "REDIS_DB", "4")));
    }

    @Test
    void defaultsWhenNothingIsSet() {
        assertFalse(RedisConnection.isConfigured(Map.of()));
        assertEquals(new RedisConnection("localhost", 6379, null, 0), RedisConnection.fromEnv(Map.of()));
        assertTrue(RedisConnection.isConfigured(Map.of("REDIS_URL", "h")));
    }

    @Test
    void emptyPasswordMeansNone() {
        assertEquals(null, RedisConnection.fromEnv(Map.of("REDIS_URL", "h", "REDIS_PASSWORD", "")).password());
    }

    @Test
    void rejectsBadNumbers() {
        assertThrows(IllegalArgumentException.class,
                () -> RedisConnection.fromEnv(Map.of("REDIS_URL", "h", "REDIS_PORT", "x")));
    }

}
