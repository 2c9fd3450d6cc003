package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebUiPropertiesTest {

    @Test
    void theRefreshLockOutlivesTheUpstreamTimeoutByTheMarginWhenNotSet() {
        assertThat(properties(null, Duration.ofSeconds(10)).refreshLockTtl()).isEqualTo(Duration.ofSeconds(15));
        assertThat(properties(null, Duration.ofSeconds(30)).refreshLockTtl()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void anExplicitLockLongerThanTheTimeoutIsKept() {
        assertThat(properties(Duration.ofSeconds(12), Duration.ofSeconds(10)).refreshLockTtl())
            .isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aLockNoLongerThanTheUpstreamTimeoutIsRefusedAtStartup() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> properties(Duration.ofSeconds(10), Duration.ofSeconds(10)))
            .withMessageContaining("refresh-lock-ttl");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> properties(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    private static WebUiProperties properties(Duration lockTtl, Duration upstreamTimeout) {
        return new WebUiProperties(URI.create("http://auth"), URI.create("http://gateway"), "SID", false,
                Duration.ofHours(12), Duration.ofSeconds(30), lockTtl, Duration.ofSeconds(5), Duration.ofSeconds(5),
                upstreamTimeout);
    }

}
