package com.acme.shop.web.session;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;

import com.acme.shop.web.WebUiProperties;

/**
 * Sessions in Redis, stored as JSON ({@link SessionJson}, Spring Session's
 * {@code springSessionDefaultRedisSerializer}) instead of Java serialization; a stored
 * session that cannot be read is dropped ({@link TolerantRedisSessionRepository}). The
 * repository is defined here, with the settings Spring Boot would apply
 * ({@code spring.session.timeout}, {@code spring.session.data.redis.namespace}), because
 * Boot's own backs off for it. Plus the cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfig {

    @Bean
    SessionCookieResolver webSessionIdResolver(WebUiProperties properties) {
        return new SessionCookieResolver(properties.cookieName(), properties.cookieSecure());
    }

    @Bean
    RedisSerializer<Object> springSessionDefaultRedisSerializer() {
        return new SessionJson();
    }

    @Bean
    ReactiveRedisSessionRepository sessionRepository(ReactiveRedisConnectionFactory connectionFactory,
            @Qualifier("springSessionDefaultRedisSerializer") RedisSerializer<Object> serializer,
            @Value("${spring.session.timeout:30m}") Duration timeout,
            @Value("${spring.session.data.redis.namespace:spring:session}") String namespace) {
        RedisSerializationContext<String, Object> context = RedisSerializationContext
            .<String, Object>newSerializationContext(serializer)
            .key(RedisSerializer.string())
            .hashKey(RedisSerializer.string())
            .build();
        TolerantRedisSessionRepository repository = new TolerantRedisSessionRepository(
                new ReactiveRedisTemplate<>(connectionFactory, context));
        repository.setDefaultMaxInactiveInterval(timeout);
        repository.setRedisKeyNamespace(namespace);
        return repository;
    }

}
