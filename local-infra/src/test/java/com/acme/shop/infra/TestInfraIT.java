package com.acme.shop.infra;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TestInfraIT {

    @Test
    void sharesOneServerPerJvmAndExposesSpringProperties() throws Exception {
        assertSame(TestInfra.postgres(), TestInfra.postgres());
        assertSame(TestInfra.redis(), TestInfra.redis());
        Map<String, String> p = TestInfra.springProperties();
        assertEquals(TestInfra.postgres().r2dbcUrl(), p.get("spring.r2dbc.url"));
        assertEquals(TestInfra.postgres().jdbcUrl(), p.get("spring.flyway.url"));
        assertEquals(Integer.toString(TestInfra.redis().port()), p.get("spring.data.redis.port"));
        try (Connection c = DriverManager.getConnection(p.get("spring.flyway.url"), p.get("spring.flyway.user"),
                p.get("spring.flyway.password"))) {
            assertTrue(c.isValid(5));
        }
        assertTrue(RedisPing.reachable(TestInfra.redis()));
    }

    @Test
    void embeddedRedisCanBeStoppedAndStartedForFailureTests() {
        assumeTrue(TestInfra.redisIsEmbedded());
        RedisConnection c = TestInfra.redis();
        TestInfra.stopRedis();
        try {
            assertFalse(RedisPing.reachable(c));
        }
        finally {
            TestInfra.startRedis();
        }
        assertTrue(RedisPing.reachable(c));
    }

}
