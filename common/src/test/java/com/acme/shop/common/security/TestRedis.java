package com.acme.shop.common.security;

import java.time.Duration;

import com.acme.shop.infra.RedisConnection;
import com.acme.shop.infra.TestInfra;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A Lettuce connection to the test JVM's Redis from {@link TestInfra}, for tests without
 * a Spring context.
 */
public final class TestRedis implements AutoCloseable {

    private final LettuceConnectionFactory factory;

    public final ReactiveStringRedisTemplate template;

    private TestRedis() {
        RedisConnection redis = TestInfra.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(redis.host(), redis.port());
        config.setDatabase(redis.database());
        if (redis.password() != null) {
            config.setPassword(redis.password());
        }
        factory = new LettuceConnectionFactory(config,
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
        factory.afterPropertiesSet();
        factory.start();
        template = new ReactiveStringRedisTemplate(factory);
    }

    /** The Lettuce connection factory behind {@link #template}. */
    public LettuceConnectionFactory factory() {
        return factory;
    }

    public static TestRedis connect() {
        return new TestRedis();
    }

    @Override
    public void close() {
        factory.destroy();
    }

}
