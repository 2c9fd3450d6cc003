package com.acme.shop.common.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Binds {@link AccessTokenProperties} ({@code shop.jwt.*}; {@code JWT_ISSUER} and {@code AUTH_SERVER_URL} are
 * honoured when the {@code shop.jwt} keys are not set) and, when {@code shop.jwt.audience} is set and the
 * service defines no decoder of its own, provides the {@link ReactiveJwtDecoder} from
 * {@link AccessTokenDecoders} (with the Redis denylist unless {@code shop.jwt.denylist=false}, and the cache of
 * verified tokens unless {@code shop.jwt.cache.enabled=false}; size {@code shop.jwt.cache.max-size}).
 */
@AutoConfiguration(after = DataRedisReactiveAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnClass(ReactiveJwtDecoder.class)
public class SecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessTokenProperties accessTokenProperties(Environment env) {
        AccessTokenProperties props = Binder.get(env).bindOrCreate("shop.jwt", AccessTokenProperties.class);
        if (!env.containsProperty("shop.jwt.issuer") && hasText(env.getProperty("JWT_ISSUER"))) {
            props = props.withIssuer(env.getProperty("JWT_ISSUER"));
        }
        if (!env.containsProperty("shop.jwt.jwks-uri") && hasText(env.getProperty("AUTH_SERVER_URL"))) {
            props = props.withJwksUri(AccessTokenProperties.jwksUriFor(env.getProperty("AUTH_SERVER_URL")));
        }
        return props;
    }

    @Bean
    @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
    @ConditionalOnProperty(prefix = "shop.jwt", name = "audience")
    ReactiveJwtDecoder shopAccessTokenDecoder(AccessTokenProperties props,
            ObjectProvider<ReactiveStringRedisTemplate> redis) {
        ReactiveStringRedisTemplate template = null;
        if (props.denylistEnabled()) {
            template = redis.getIfAvailable();
            if (template == null) {
                throw new IllegalStateException("shop.jwt.denylist=true needs Redis (a ReactiveStringRedisTemplate); "
                        + "configure spring.data.redis.* / REDIS_URL or set shop.jwt.denylist=false");
            }
        }
        return AccessTokenDecoders.create(props, template);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
