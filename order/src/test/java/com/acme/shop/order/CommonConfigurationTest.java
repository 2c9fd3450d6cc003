package com.acme.shop.order;

import org.junit.jupiter.api.Test;

import com.acme.shop.common.testing.ServiceConfiguration;

/**
 * What order's application.yml switches on in common, and which environment variables it
 * maps there.
 */
class CommonConfigurationTest {

    @Test
    void optsInToIdempotencyKeysWithTheTtlFromTheEnvironment() {
        ServiceConfiguration.assertUsesIdempotencyKeys("default");
    }

    @Test
    void mapsJwtIssuerAndAuthServerUrlOntoTokenVerification() {
        ServiceConfiguration.assertVerifiesTokensFromTheConfiguredIssuer("shop-order");
    }

}
