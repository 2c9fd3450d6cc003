package com.acme.shop.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedRedisServerIT {

    @Test
    void answersPingAndComesBackOnSamePortAfterRestart() throws Exception {
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, null)) {
            RedisConnection c = redis.connection();
            assertEquals("127.0.0.1", c.host());
            assertEquals("+PONG", RedisPing.command(c, "PING"));

            redis.stop();
            assertFalse(RedisPing.reachable(c));

            redis.restart();
            assertEquals(c, redis.connection());
            assertEquals("+PONG", RedisPing.command(c, "PING"));
        }
    }

    @Test
    void keepsDataAcrossRestartsWithDataDirectory(@TempDir Path dir) throws Exception {
        int port;
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, dir)) {
            port = redis.port();
            assertEquals("+OK", RedisPing.command(redis.connection(), "SET durable yes"));
        }
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(port, dir)) {
            assertEquals("yes", RedisPing.command(redis.connection(), "GET durable"));
        }
        assertTrue(dir.resolve("appendonly.aof").toFile().exists() || dir.resolve("dump.rdb").toFile().exists());
    }

}
