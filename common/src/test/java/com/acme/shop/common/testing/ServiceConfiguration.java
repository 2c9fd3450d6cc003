package com.acme.shop.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.acme.shop.common.idempotency.IdempotencyAutoConfiguration;
import com.acme.shop.common.idempotency.IdempotencyHandler;
import com.acme.shop.common.idempotency.IdempotencyProperties;
import com.acme.shop.common.idempotency.IdempotencyStore;
import com.acme.shop.common.security.AccessTokenProperties;
import com.acme.shop.common.security.SecurityAutoConfiguration;

/**
 * What a service's own {@code application.yml} switches on in common, without a server or
 * a database: a context with that yml (from the test classpath of the calling module),
 * Spring Boot's Redis client (created, never connected) and common's token and
 * idempotency auto-configurations. Environment variables are given as properties
 * ({@code JWT_ISSUER=...}), as the yml placeholders see them.
 */
public final class ServiceConfiguration {

    private ServiceConfiguration() {
    }

    public static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(
                    AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
                            SecurityAutoConfiguration.class, IdempotencyAutoConfiguration.class));
    }

    /**
     * The service opts in to idempotency keys, with {@code IDEMPOTENCY_TTL} in seconds
     * and the given tenant.
     */
    public static void assertUsesIdempotencyKeys(String tenant) {
        runner().withPropertyValues("IDEMPOTENCY_TTL=3600").run(context -> {
            assertThat(context).hasSingleBean(IdempotencyStore.class).hasSingleBean(IdempotencyHandler.class);
            IdempotencyProperties props = context.getBean(IdempotencyProperties.class);
            assertThat(props.ttl()).isEqualTo(Duration.ofHours(1));
            assertThat(props.tenant()).isEqualTo(tenant);
        });
    }

    /**
     * The service does not opt in: none of the idempotency beans, whatever the
     * environment says.
     */
    public static void assertHasNoIdempotencyBeans() {
        runner().withPropertyValues("IDEMPOTENCY_TTL=3600")
            .run(context -> assertThat(context).doesNotHaveBean(IdempotencyProperties.class)
                .doesNotHaveBean(IdempotencyStore.class)
                .doesNotHaveBean(IdempotencyHandler.class));
    }

    /**
     * The yml maps {@code JWT_ISSUER} and {@code AUTH_SERVER_URL} onto the verification
     * of access tokens.
     */
    public static void assertVerifiesTokensFromTheConfiguredIssuer(String audience) {
        runner().withPropertyValues("JWT_ISSUER=issuer-from-env", "AUTH_SERVER_URL=http://auth:4000").run(context -> {
            AccessTokenProperties props = context.getBean(AccessTokenProperties.class);
            assertThat(props.issuer()).isEqualTo("issuer-from-env");
            assertThat(props.jwksUri()).isEqualTo("http://auth:4000/.well-known/jwks.json");
            assertThat(props.audience()).isEqualTo(audience);
        });
    }

}
