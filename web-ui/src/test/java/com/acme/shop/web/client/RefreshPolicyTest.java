package com.acme.shop.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RefreshPolicyTest {

    private final RefreshPolicy policy = new RefreshPolicy(Duration.ofSeconds(30));

    private final Instant now = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void tokenValidForLongerThanTheSkewIsUsedAsIs() {
        assertThat(policy.needsRefresh(tokensExpiringAt(now.plusSeconds(31)), now)).isFalse();
    }

    @Test
    void tokenExpiringWithinTheSkewIsRefreshedFirst() {
        assertThat(policy.needsRefresh(tokensExpiringAt(now.plusSeconds(30)), now)).isTrue();
        assertThat(policy.needsRefresh(tokensExpiringAt(now.plusSeconds(5)), now)).isTrue();
    }

    @Test
    void expiredTokenIsRefreshed() {
        assertThat(policy.needsRefresh(tokensExpiringAt(now.minusSeconds(1)), now)).isTrue();
    }

    @Test
    void tokensNeverShowTheirValues() {
        assertThat(tokensExpiringAt(now).toString()).doesNotContain("access-value").doesNotContain("refresh-value");
    }

    private static TokenSet tokensExpiringAt(Instant expiresAt) {
        return new TokenSet("access-value", "refresh-value", expiresAt);
    }

}
