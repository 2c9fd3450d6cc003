package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.acme.shop.common.idempotency.IdempotencyHandler;
import com.acme.shop.common.idempotency.IdempotencyProperties;
import com.acme.shop.common.security.AccessTokenProperties;
import com.acme.shop.common.testing.ServiceConfiguration;

/** What member's application.yml switches on in common, and which environment variables it maps there. */
class CommonConfigurationTest {

    @Test
    void optsInToIdempotencyKeysWithTheTtlFromTheEnvironment() {
        ServiceConfiguration.runner().withPropertyValues("IDEMPOTENCY_TTL=3600").run(context -> {
            assertThat(context).hasSingleBean(IdempotencyHandler.class);
            assertThat(context.getBean(IdempotencyProperties.class).ttl()).isEqualTo(Duration.ofHours(1));
            assertThat(context.getBean(IdempotencyProperties.class).tenant()).isEqualTo("default");
        });
    }

    @Test
    void mapsJwtIssuerAndAuthServerUrlOntoTokenVerification() {
        ServiceConfiguration.runner().withPropertyValues("JWT_ISSUER=issuer-from-env", "AUTH_SERVER_URL=http://auth:4000")
                .run(context -> {
                    AccessTokenProperties props = context.getBean(AccessTokenProperties.class);
                    assertThat(props.issuer()).isEqualTo("issuer-from-env");
                    assertThat(props.jwksUri()).isEqualTo("http://auth:4000/.well-known/jwks.json");
                    assertThat(props.audience()).isEqualTo("shop-member");
                });
    }
}
