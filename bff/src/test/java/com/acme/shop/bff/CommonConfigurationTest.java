package com.acme.shop.bff;

import org.junit.jupiter.api.Test;

import com.acme.shop.common.testing.ServiceConfiguration;

/**
 * What the bff's application.yml switches on in common, and which environment variables
 * it maps there.
 */
class CommonConfigurationTest {

    @Test
    void getsNoIdempotencyBeansItDoesNotUse() {
        ServiceConfiguration.assertHasNoIdempotencyBeans();
    }

    @Test
    void mapsJwtIssuerAndAuthServerUrlOntoTokenVerification() {
        ServiceConfiguration.assertVerifiesTokensFromTheConfiguredIssuer("shop-bff");
    }

}
