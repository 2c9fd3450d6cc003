package com.acme.shop.common.security;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;

/**
 * Binds {@link AccessTokenProperties} ({@code shop.jwt.*}; each service maps
 * {@code JWT_ISSUER} and {@code AUTH_SERVER_URL} onto {@code shop.jwt.issuer} /
 * {@code shop.jwt.jwks-uri} in its application.yml) and, when {@code shop.jwt.audience}
 * is set and the service defines no decoder of its own, provides the
 * {@link ReactiveJwtDecoder} from {@link AccessTokenDecoders} (with the Redis denylist
 * unless {@code shop.jwt.denylist=false}, and the cache of verified tokens unless
 * {@code shop.jwt.cache.enabled=false}; size {@code shop.jwt.cache.max-size}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
        beforeName = {
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnClass(ReactiveJwtDecoder.class)
public class SecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessTokenProperties accessTokenProperties(Environment env) {
        return Binder.get(env).bindOrCreate("shop.jwt", AccessTokenProperties.class);
    }

    @Bean
    @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
    @ConditionalOnProperty(prefix = "shop.jwt", name = "audience")
    ReactiveJwtDecoder shopAccessTokenDecoder(AccessTokenProperties props,
            ObjectProvider<ReactiveStringRedisTemplate> redis, ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<RevocationReplica> replica) {
        ReactiveStringRedisTemplate template = null;
        if (props.denylistEnabled()) {
            template = redis.getIfAvailable();
            if (template == null) {
                throw new IllegalStateException("shop.jwt.denylist=true needs Redis (a ReactiveStringRedisTemplate); "
                        + "configure spring.data.redis.* / REDIS_URL or set shop.jwt.denylist=false");
            }
        }
        return AccessTokenDecoders.create(props, template, observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                props.replicaEnabled() ? replica.getIfAvailable() : null);
    }

    /**
     * No Spring Security observations unless {@code SECURITY_OBSERVATIONS=true}
     * ({@code shop.security.observations}). With an {@link ObservationRegistry} present,
     * Spring Security wraps every filter of the chain in an observation of its own (about
     * fifteen per request, each with its context-propagation work) and adds a span per
     * filter chain, authentication and authorization: a measurable part of the gateway's
     * CPU per proxied request (issue 10). The request's own observation
     * ({@code http.server.requests}, its trace span) and the token-validation counters
     * stay; turn this on to see the security chain in traces while debugging.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "org.springframework.security.config.observation.SecurityObservationSettings")
    @ConditionalOnProperty(name = "shop.security.observations", havingValue = "false", matchIfMissing = true)
    static SecurityObservationSettings shopSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall with its own rules, checked by loops instead of
     * regular expressions ({@link FirewallRules}): it re-checks every header on every
     * read, which made {@code java.util.regex} about 4 % of the gateway's CPU (issue 10).
     */
    @Bean
    @ConditionalOnMissingBean(ServerWebExchangeFirewall.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static ServerWebExchangeFirewall shopExchangeFirewall() {
        return FirewallRules.firewall();
    }

    /** A request the firewall refused gets a 400 problem (RFC 9457), not an empty 400. */
    @Bean
    @ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static ServerExchangeRejectedHandler shopExchangeRejectedHandler() {
        return FirewallRules.rejectedHandler();
    }

    /**
     * The local replica of the revocation state ({@link RevocationReplica}, fed by
     * {@link RevocationFeed}) for services that check it against a standalone or Sentinel
     * Redis through Lettuce; {@code shop.jwt.replica=false} turns it off (every request
     * is then checked with one Redis round trip).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = { "io.lettuce.core.RedisClient",
            "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory" })
    @ConditionalOnProperty(prefix = "shop.jwt", name = "audience")
    static class RevocationReplicaConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RevocationReplica shopRevocationReplica() {
            return new RevocationReplica(RevocationFeed.ALIVE_WINDOW);
        }

        @Bean
        @ConditionalOnBean(LettuceConnectionFactory.class)
        @ConditionalOnProperty(prefix = "shop.jwt", name = { "denylist", "replica" }, havingValue = "true",
                matchIfMissing = true)
        RevocationFeedLifecycle shopRevocationFeed(AccessTokenProperties props, LettuceConnectionFactory redis,
                RevocationReplica replica) {
            return new RevocationFeedLifecycle(redis, replica, props.issuer());
        }

    }

}
