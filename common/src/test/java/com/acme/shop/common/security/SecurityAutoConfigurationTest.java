package com.acme.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

class SecurityAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class));

    @Test
    void bindsDefaults() {
        runner.run(context -> {
            AccessTokenProperties props = context.getBean(AccessTokenProperties.class);
            assertThat(props.issuer()).isEqualTo("shop-auth");
            assertThat(props.jwksUri()).isEqualTo("http://localhost:4000/.well-known/jwks.json");
            assertThat(props.clockSkew()).isEqualTo(Duration.ofSeconds(60));
            assertThat(props.denylist()).isTrue();
            assertThat(props.cache().enabled()).isTrue();
            assertThat(props.cache().maxSize()).isEqualTo(10_000);
            assertThat(context).doesNotHaveBean(ReactiveJwtDecoder.class);
        });
    }

    @Test
    void bindsIssuerAndJwksUriFromShopJwtOnly() {
        runner
            .withPropertyValues("shop.jwt.issuer=explicit", "shop.jwt.jwks-uri=http://auth:4000/.well-known/jwks.json")
            .run(context -> {
                AccessTokenProperties props = context.getBean(AccessTokenProperties.class);
                assertThat(props.issuer()).isEqualTo("explicit");
                assertThat(props.jwksUri()).isEqualTo("http://auth:4000/.well-known/jwks.json");
            });
        // the environment variables are mapped in each service's application.yml, never
        // read by this code
        runner.withPropertyValues("JWT_ISSUER=issuer-from-env", "AUTH_SERVER_URL=http://auth:4000")
            .run(context -> assertThat(context.getBean(AccessTokenProperties.class).issuer())
                .isEqualTo(AccessTokenProperties.DEFAULT_ISSUER));
    }

    @Test
    void springSecurityObservationsAreOffUnlessAskedFor() {
        runner.run(context -> {
            SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);
            assertThat(settings.shouldObserveRequests()).isFalse();
            assertThat(settings.shouldObserveAuthentications()).isFalse();
            assertThat(settings.shouldObserveAuthorizations()).isFalse();
        });
        runner.withPropertyValues("shop.security.observations=true")
            .run(context -> assertThat(context).doesNotHaveBean(SecurityObservationSettings.class));
    }

    @Test
    void aReactiveServiceGetsTheStrictFirewallWithoutRegularExpressions() {
        new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class))
            .run(context -> assertThat(context).getBean(ServerWebExchangeFirewall.class)
                .isInstanceOf(StrictServerWebExchangeFirewall.class));
        new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class))
            .withBean("own", ServerWebExchangeFirewall.class, () -> ServerWebExchangeFirewall.INSECURE_NOOP)
            .run(context -> assertThat(context).getBean(ServerWebExchangeFirewall.class)
                .isSameAs(ServerWebExchangeFirewall.INSECURE_NOOP));
        runner.run(context -> assertThat(context).doesNotHaveBean(ServerWebExchangeFirewall.class));
    }

    @Test
    void bindsTheTokenCacheSettings() {
        runner.withPropertyValues("shop.jwt.cache.enabled=false", "shop.jwt.cache.max-size=500").run(context -> {
            AccessTokenProperties props = context.getBean(AccessTokenProperties.class);
            assertThat(props.cache().enabled()).isFalse();
            assertThat(props.cache().maxSize()).isEqualTo(500);
        });
    }

    @Test
    void createsTheDecoderWhenAnAudienceIsSet() {
        runner.withPropertyValues("shop.jwt.audience=shop-member", "shop.jwt.denylist=false")
            .run(context -> assertThat(context).hasSingleBean(ReactiveJwtDecoder.class));
        runner.withPropertyValues("shop.jwt.audience=shop-member")
            .withBean(ReactiveStringRedisTemplate.class,
                    () -> new ReactiveStringRedisTemplate(new LettuceConnectionFactory()))
            .run(context -> assertThat(context).hasSingleBean(ReactiveJwtDecoder.class));
    }

    @Test
    void refusesToStartWithDenylistButWithoutRedis() {
        runner.withPropertyValues("shop.jwt.audience=shop-member").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void feedsAReplicaOfTheRevocationStateWhileTheContextRunsUnlessTurnedOff() {
        ApplicationContextRunner withRedis = runner.withPropertyValues("shop.jwt.audience=shop-member")
            .withBean(LettuceConnectionFactory.class, () -> new LettuceConnectionFactory("127.0.0.1", 1))
            .withBean(ReactiveStringRedisTemplate.class,
                    () -> new ReactiveStringRedisTemplate(new LettuceConnectionFactory()));
        withRedis.run(context -> {
            assertThat(context).hasSingleBean(RevocationReplica.class);
            assertThat(context.getBean(RevocationFeedLifecycle.class).isRunning()).isTrue();
            assertThat(context.getBean(RevocationReplica.class).isInSync()).isFalse(); // no
                                                                                       // Redis
                                                                                       // on
                                                                                       // port
                                                                                       // 1
            context.stop();
            assertThat(context.getBean(RevocationFeedLifecycle.class).isRunning()).isFalse();
        });
        withRedis.withPropertyValues("shop.jwt.replica=false")
            .run(context -> assertThat(context).doesNotHaveBean(RevocationFeedLifecycle.class)
                .hasSingleBean(ReactiveJwtDecoder.class));
        withRedis.withPropertyValues("shop.jwt.denylist=false")
            .run(context -> assertThat(context).doesNotHaveBean(RevocationFeedLifecycle.class));
    }

}
