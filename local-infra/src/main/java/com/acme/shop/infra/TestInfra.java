package com.acme.shop.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One PostgreSQL and one Redis per JVM for tests, started lazily and stopped by a
 * shutdown hook.
 * <p>
 * {@code DATABASE_URL} ({@code postgresql://user:password@host:port/db}) and
 * {@code REDIS_URL} / {@code REDIS_PORT} / {@code REDIS_PASSWORD} / {@code REDIS_DB}
 * point the tests at running servers; when they are unset, embedded ones are started on
 * free ports. Use from Spring tests: <pre>{@code
 * &#64;DynamicPropertySource
 * static void infra(DynamicPropertyRegistry registry) {
 *     TestInfra.springProperties().forEach((k, v) -> registry.add(k, () -> v));
 * }
 * }</pre>
 */
public final class TestInfra {

    private static PostgresConnection postgres;

    private static RedisConnection redis;

    private static EmbeddedRedisServer embeddedRedis;

    private TestInfra() {
    }

    /** {@code DATABASE_URL} if set, else an embedded server (started on first call). */
    public static synchronized PostgresConnection postgres() {
        if (postgres == null) {
            String url = System.getenv("DATABASE_URL");
            if (url != null && !url.isBlank()) {
                postgres = PostgresConnection.parse(url);
            }
            else {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0);
                onShutdown(server);
                postgres = server.connection();
            }
        }
        return postgres;
    }

    /**
     * {@code REDIS_URL}/{@code REDIS_PORT}/{@code REDIS_PASSWORD}/{@code REDIS_DB} if
     * {@code REDIS_URL} is set, else an embedded server.
     */
    public static synchronized RedisConnection redis() {
        if (redis == null) {
            Map<String, String> env = System.getenv();
            if (RedisConnection.isConfigured(env)) {
                redis = RedisConnection.fromEnv(env);
            }
            else {
                embeddedRedis = EmbeddedRedisServer.start(0, null);
                onShutdown(embeddedRedis);
                redis = embeddedRedis.connection();
            }
        }
        return redis;
    }

    /**
     * True when {@link #redis()} is (or will be) the embedded server, so
     * {@link #stopRedis()} works.
     */
    public static synchronized boolean redisIsEmbedded() {
        return embeddedRedis != null || (redis == null && !RedisConnection.isConfigured(System.getenv()));
    }

    /**
     * Stops the embedded Redis (same port kept) to test behaviour while Redis is down.
     */
    public static synchronized void stopRedis() {
        requireEmbeddedRedis().stop();
    }

    /** Starts the embedded Redis again on the same port. */
    public static synchronized void startRedis() {
        requireEmbeddedRedis().restart();
    }

    /**
     * Spring Boot properties for both servers:
     * {@code spring.r2dbc.url/username/password},
     * {@code spring.flyway.url/user/password},
     * {@code spring.data.redis.host/port/password/database} (password only when there is
     * one).
     */
    public static Map<String, String> springProperties() {
        PostgresConnection pg = postgres();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", pg.r2dbcUrl());
        properties.put("spring.r2dbc.username", pg.user());
        properties.put("spring.r2dbc.password", pg.password());
        properties.put("spring.flyway.url", pg.jdbcUrl());
        properties.put("spring.flyway.user", pg.user());
        properties.put("spring.flyway.password", pg.password());
        properties.putAll(redisSpringProperties());
        return properties;
    }

    /**
     * Only the {@code spring.data.redis.*} part of {@link #springProperties()}: starts no
     * PostgreSQL.
     */
    public static Map<String, String> redisSpringProperties() {
        RedisConnection r = redis();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.host", r.host());
        properties.put("spring.data.redis.port", Integer.toString(r.port()));
        if (r.password() != null) {
            properties.put("spring.data.redis.password", r.password());
        }
        properties.put("spring.data.redis.database", Integer.toString(r.database()));
        return properties;
    }

    private static EmbeddedRedisServer requireEmbeddedRedis() {
        redis();
        if (embeddedRedis == null) {
            throw new IllegalStateException("Redis is external (REDIS_URL is set): it cannot be stopped by the tests");
        }
        return embeddedRedis;
    }

    private static void onShutdown(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            }
            catch (Exception e) {
                // the JVM is exiting anyway
            }
        }, "test-infra-shutdown"));
    }

}
