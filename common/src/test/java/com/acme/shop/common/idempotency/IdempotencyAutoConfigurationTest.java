package com.acme.shop.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.unit.DataSize;

class IdempotencyAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(IdempotencyAutoConfiguration.class))
        .withPropertyValues("shop.idempotency.enabled=true");

    @Test
    void providesNothingToAServiceThatDoesNotOptIn() {
        ApplicationContextRunner notOptedIn = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IdempotencyAutoConfiguration.class))
            .withBean(ReactiveRedisConnectionFactory.class, LettuceConnectionFactory::new);
        notOptedIn.run(context -> assertThat(context).doesNotHaveBean(IdempotencyProperties.class)
            .doesNotHaveBean(IdempotencyStore.class)
            .doesNotHaveBean(IdempotencyHandler.class));
        notOptedIn.withPropertyValues("shop.idempotency.enabled=false", "shop.idempotency.ttl=60")
            .run(context -> assertThat(context).doesNotHaveBean(IdempotencyProperties.class)
                .doesNotHaveBean(IdempotencyHandler.class));
    }

    @Test
    void bindsDefaults() {
        runner.run(context -> {
            IdempotencyProperties props = context.getBean(IdempotencyProperties.class);
            assertThat(props.ttl()).isEqualTo(Duration.ofSeconds(86400));
            assertThat(props.inFlightTtl()).isEqualTo(Duration.ofSeconds(60));
            assertThat(props.maxBodySize()).isEqualTo(DataSize.ofBytes(1024 * 1024));
            assertThat(props.tenant()).isEqualTo("default");
            assertThat(context).doesNotHaveBean(IdempotencyHandler.class);
        });
    }

    @Test
    void readsABareTtlInSeconds() {
        runner.withPropertyValues("shop.idempotency.ttl=3600")
            .run(context -> assertThat(context.getBean(IdempotencyProperties.class).ttl())
                .isEqualTo(Duration.ofHours(1)));
        runner.withPropertyValues("shop.idempotency.ttl=7200")
            .run(context -> assertThat(context.getBean(IdempotencyProperties.class).ttl())
                .isEqualTo(Duration.ofHours(2)));
        runner.withPropertyValues("shop.idempotency.ttl=30m", "shop.idempotency.max-body-size=2MB").run(context -> {
            IdempotencyProperties props = context.getBean(IdempotencyProperties.class);
            assertThat(props.ttl()).isEqualTo(Duration.ofMinutes(30));
            assertThat(props.maxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
        });
    }

    @Test
    void createsStoreAndHandlerWhenRedisIsConfigured() {
        runner.withBean(ReactiveRedisConnectionFactory.class, LettuceConnectionFactory::new).run(context -> {
            assertThat(context).hasSingleBean(RedisIdempotencyStore.class);
            assertThat(context).hasSingleBean(IdempotencyHandler.class);
        });
    }

}
