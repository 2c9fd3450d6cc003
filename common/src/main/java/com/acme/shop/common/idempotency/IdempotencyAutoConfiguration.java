package com.acme.shop.common.idempotency;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Idempotency keys for the services that opt in with
 * {@code shop.idempotency.enabled: true} in their application.yml (gateway and member; a
 * fixed fact of the service, not an environment variable): binds
 * {@link IdempotencyProperties} ({@code shop.idempotency.*}; each service maps
 * {@code IDEMPOTENCY_TTL} there) and, when Redis is configured, provides the
 * {@link RedisIdempotencyStore} and the {@link IdempotencyHandler} (counting in the
 * service's {@link IdempotencyMetrics} bean, if it defines one). Services that do not opt
 * in (auth, bff, web-ui) get none of these beans. The {@link IdempotencyWebFilter} is not
 * a bean: services place it in their security chain themselves.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass(ReactiveStringRedisTemplate.class)
@ConditionalOnBooleanProperty(IdempotencyAutoConfiguration.ENABLED)
public class IdempotencyAutoConfiguration {

    /**
     * The opt-in switch: {@code true} in the application.yml of each service that uses
     * idempotency keys.
     */
    public static final String ENABLED = "shop.idempotency.enabled";

    @Bean
    @ConditionalOnMissingBean
    IdempotencyProperties idempotencyProperties(Environment env) {
        return Binder.get(env).bindOrCreate("shop.idempotency", IdempotencyProperties.class);
    }

    @Bean
    @ConditionalOnMissingBean(IdempotencyStore.class)
    @ConditionalOnBean(ReactiveRedisConnectionFactory.class)
    RedisIdempotencyStore redisIdempotencyStore(ObjectProvider<ReactiveStringRedisTemplate> template,
            ReactiveRedisConnectionFactory connectionFactory) {
        return new RedisIdempotencyStore(
                template.getIfAvailable(() -> new ReactiveStringRedisTemplate(connectionFactory)));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(IdempotencyStore.class)
    IdempotencyHandler idempotencyHandler(IdempotencyStore store, IdempotencyProperties props,
            ObjectProvider<IdempotencyMetrics> metrics) {
        return new IdempotencyHandler(store, props, metrics.getIfAvailable(() -> IdempotencyMetrics.NONE));
    }

}
