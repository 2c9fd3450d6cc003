package com.acme.shop.common.idempotency;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Binds {@link IdempotencyProperties} ({@code shop.idempotency.*}; {@code IDEMPOTENCY_TTL} in seconds when
 * {@code shop.idempotency.ttl} is not set) and, when Redis is configured, provides the
 * {@link RedisIdempotencyStore} and the {@link IdempotencyHandler}. The {@link IdempotencyWebFilter} is not a
 * bean: services place it in their security chain themselves.
 */
@AutoConfiguration(after = DataRedisReactiveAutoConfiguration.class)
@ConditionalOnClass(ReactiveStringRedisTemplate.class)
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotencyProperties idempotencyProperties(Environment env) {
        IdempotencyProperties props = Binder.get(env).bindOrCreate("shop.idempotency", IdempotencyProperties.class);
        String ttlSeconds = env.getProperty("IDEMPOTENCY_TTL");
        if (!env.containsProperty("shop.idempotency.ttl") && ttlSeconds != null && !ttlSeconds.isBlank()) {
            props = props.withTtl(java.time.Duration.ofSeconds(Long.parseLong(ttlSeconds.trim())));
        }
        return props;
    }

    @Bean
    @ConditionalOnMissingBean(IdempotencyStore.class)
    @ConditionalOnBean(ReactiveRedisConnectionFactory.class)
    RedisIdempotencyStore redisIdempotencyStore(ObjectProvider<ReactiveStringRedisTemplate> template,
            ReactiveRedisConnectionFactory connectionFactory) {
        return new RedisIdempotencyStore(template.getIfAvailable(() -> new ReactiveStringRedisTemplate(connectionFactory)));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(IdempotencyStore.class)
    IdempotencyHandler idempotencyHandler(IdempotencyStore store, IdempotencyProperties props) {
        return new IdempotencyHandler(store, props);
    }
}
