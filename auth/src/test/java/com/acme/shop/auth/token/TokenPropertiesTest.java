package com.acme.shop.auth.token;

import com.acme.shop.common.security.AccessTokenProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenPropertiesTest {

    @Test
    void issuesWithTheIssuerEveryServiceExpectsByDefault() {
        String expectedByServices = new AccessTokenProperties(null, "shop-member", null, null, null).issuer();

        assertThat(new TokenProperties(null, null, null, null, null, null).issuer()).isEqualTo(expectedByServices);
        assertThat(new TokenProperties(" ", null, null, null, null, null).issuer()).isEqualTo(expectedByServices);
        assertThat(new TokenProperties(" custom ", null, null, null, null, null).issuer()).isEqualTo("custom");
    }

}
