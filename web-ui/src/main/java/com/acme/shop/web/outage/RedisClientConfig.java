package com.acme.shop.web.outage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

/**
 * Redis (sessions, refresh lock) fails fast and recovers by itself: while the connection
 * is down, commands are rejected at once instead of queueing until the command timeout
 * ({@code spring.data.redis.timeout}, {@code REDIS_TIMEOUT}); Lettuce keeps reconnecting
 * in the background, at most {@code shop.web.redis-reconnect-max-delay} apart, so pages
 * come back soon after Redis does, without a restart.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfig {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    ClientResourcesBuilderCustomizer shortReconnectDelay(
            @Value("${shop.web.redis-reconnect-max-delay:2s}") Duration maxDelay) {
        return resources -> resources
            .reconnectDelay(Delay.exponential(Duration.ofMillis(50), maxDelay, 2, TimeUnit.MILLISECONDS));
    }

}
