package com.acme.shop.payment;

import org.junit.jupiter.api.Test;

import com.acme.shop.common.testing.ServiceConfiguration;

/**
 * What payment's application.yml switches on in common, and which environment variables
 * it maps there.
 */
class CommonConfigurationTest {

    @Test
    void optsInToIdempotencyKeysWithTheTtlFromTheEnvironment() {
        ServiceConfiguration.assertUsesIdempotencyKeys("default");
    }

    @Test
    void mapsJwtIssuerAndAuthServerUrlOntoTokenVerificationWithItsOwnAudience() {
        ServiceConfiguration.assertVerifiesTokensFromTheConfiguredIssuer("shop-payment");
    }

}
