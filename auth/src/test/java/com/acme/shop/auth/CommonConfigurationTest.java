package com.acme.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.acme.shop.common.security.AccessTokenProperties;
import com.acme.shop.common.testing.ServiceConfiguration;

/**
 * What auth's application.yml switches on in common, and which environment variables it
 * maps there.
 */
class CommonConfigurationTest {

    @Test
    void getsNoIdempotencyBeansItDoesNotUse() {
        ServiceConfiguration.assertHasNoIdempotencyBeans();
    }

    @Test
    void issuesAndVerifiesWithTheIssuerFromTheEnvironment() {
        ServiceConfiguration.runner().withPropertyValues("JWT_ISSUER=issuer-from-env").run(context -> {
            assertThat(context.getBean(AccessTokenProperties.class).issuer()).isEqualTo("issuer-from-env");
            assertThat(context.getEnvironment().getProperty("shop.auth.token.issuer")).isEqualTo("issuer-from-env");
        });
    }

}
