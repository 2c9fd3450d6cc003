package com.acme.shop.gateway;

import org.junit.jupiter.api.Test;

import com.acme.shop.common.testing.ServiceConfiguration;

/**
 * What the gateway's application.yml switches on in common, and which environment
 * variables it maps there.
 */
class CommonConfigurationTest {

    @Test
    void optsInToIdempotencyKeysWithTheTtlFromTheEnvironment() {
        ServiceConfiguration.assertUsesIdempotencyKeys("gateway");
    }

    @Test
    void mapsJwtIssuerAndAuthServerUrlOntoTokenVerification() {
        ServiceConfiguration.assertVerifiesTokensFromTheConfiguredIssuer("shop-gateway");
    }

}
