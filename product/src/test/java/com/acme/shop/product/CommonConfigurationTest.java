package com.acme.shop.product;

import com.acme.shop.common.testing.ServiceConfiguration;
import org.junit.jupiter.api.Test;

/**
 * What product's application.yml switches on in common, and which environment variables
 * it maps there.
 */
class CommonConfigurationTest {

    @Test
    void optsInToIdempotencyKeysWithTheTtlFromTheEnvironment() {
        ServiceConfiguration.assertUsesIdempotencyKeys("default");
    }

    @Test
    void mapsJwtIssuerAndAuthServerUrlOntoTokenVerification() {
        ServiceConfiguration.assertVerifiesTokensFromTheConfiguredIssuer("shop-product");
    }

}
