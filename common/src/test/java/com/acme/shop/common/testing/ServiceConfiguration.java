package com.acme.shop.common.testing;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.acme.shop.common.idempotency.IdempotencyAutoConfiguration;
import com.acme.shop.common.security.SecurityAutoConfiguration;

/**
 * What a service's own {@code application.yml} switches on in common, without a server or a database: a context
 * with that yml (from the test classpath of the calling module), Spring Boot's Redis client (created, never
 * connected) and common's token and idempotency auto-configurations. Environment variables are given with
 * {@code withPropertyValues("JWT_ISSUER=...")}, as the yml placeholders see them.
 */
public final class ServiceConfiguration {

    private ServiceConfiguration() {
    }

    public static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                        DataRedisReactiveAutoConfiguration.class, SecurityAutoConfiguration.class,
                        IdempotencyAutoConfiguration.class));
    }
}
