package com.acme.shop.auth.protection;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ProtectionConfigurationTest {

    @Test
    void warnsThatTheRemovedTrustForwardedForIsIgnoredAndNamesItsReplacement() {
        MockEnvironment environment = new MockEnvironment().withProperty("TRUST_FORWARDED_FOR", "true");

        assertThat(ProtectionConfiguration.legacySettingWarning(environment)).hasValueSatisfying(
                warning -> assertThat(warning).contains("TRUST_FORWARDED_FOR", "ignored", "TRUSTED_PROXIES"));
    }

    @Test
    void saysNothingWhenTheRemovedSettingIsAbsent() {
        assertThat(ProtectionConfiguration.legacySettingWarning(new MockEnvironment())).isEmpty();
    }

}
