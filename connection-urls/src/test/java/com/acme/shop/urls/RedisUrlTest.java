package com.acme.shop.urls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RedisUrlTest {

    private static RedisUrl parse(Map<String, String> env) {
        return RedisUrl.fromEnv(env::get);
    }

    @Test
    void readsEveryPartOfAUrl() {
        assertEquals(new RedisUrl("r.example", 7000, "app", "s3cr+t", 3, true),
                parse(Map.of("REDIS_URL", "rediss://app:s3cr%2Bt@r.example:7000/3")));
        assertEquals(new RedisUrl("r", null, null, "secret", null, false),
                parse(Map.of("REDIS_URL", "redis://:secret@r")));
    }

    @Test
    void readsAPlainHostOrHostAndPort() {
        assertEquals(new RedisUrl("cache", null, null, null, null, false), parse(Map.of("REDIS_URL", "cache")));
        assertEquals(new RedisUrl("cache", 6380, null, null, null, false), parse(Map.of("REDIS_URL", " cache:6380 ")));
    }

    @Test
    void separateVariablesWinOverUrlParts() {
        assertEquals(new RedisUrl("r", 7001, null, "other", 4, false), parse(Map.of("REDIS_URL",
                "redis://:secret@r:7000/3", "REDIS_PORT", "7001", "REDIS_PASSWORD", "other", "REDIS_DB", "4")));
    }

    @Test
    void leavesUnnamedPartsUnsetAndEmptyPasswordsMeanNone() {
        assertEquals(new RedisUrl(null, null, null, null, null, false), parse(Map.of()));
        assertEquals(new RedisUrl(null, null, null, null, null, false),
                parse(Map.of("REDIS_URL", " ", "REDIS_PASSWORD", "", "REDIS_PORT", "")));
        assertEquals(null, parse(Map.of("REDIS_URL", "redis://:@r")).password());
        assertFalse(RedisUrl.isConfigured(Map.<String, String>of()::get));
        assertTrue(RedisUrl.isConfigured(Map.of("REDIS_URL", "h")::get));
    }

    @Test
    void refusesBadValuesWithoutEchoingThem() {
        for (Map<String, String> bad : new Map[] { Map.of("REDIS_URL", "http://u:topsecret@h"),
                Map.of("REDIS_URL", "redis://:topsecret@h/x9"), Map.of("REDIS_URL", "h", "REDIS_PORT", "topsecret"),
                Map.of("REDIS_DB", "topsecret"), Map.of("REDIS_URL", "redis://:topsecret@/0") }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(bad));
            assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        }
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(parse(Map.of("REDIS_URL", "redis://:topsecret@h")).toString().contains("topsecret"));
    }

}
