package com.acme.shop.auth.token;

import java.time.Clock;

import com.acme.shop.auth.keys.SigningKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class TokenConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccessTokenIssuer accessTokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) {
        return new AccessTokenIssuer(keys, properties, clock);
    }

    @Bean
    RefreshTokenStore refreshTokenStore(ReactiveStringRedisTemplate redis, TokenProperties properties, Clock clock) {
        return new RefreshTokenStore(redis, properties, clock);
    }

    @Bean
    Denylist denylist(ReactiveStringRedisTemplate redis, TokenProperties properties, Clock clock) {
        return new Denylist(redis, properties.issuer(), clock);
    }

}
