package com.acme.shop.web.client;

import java.time.Duration;
import java.time.Instant;

/**
 * When an access token must be refreshed before it is used: when it expires within the
 * skew.
 */
record RefreshPolicy(Duration skew) {

    boolean needsRefresh(TokenSet tokens, Instant now) {
        return tokens.expiresAt() == null || !tokens.expiresAt().isAfter(now.plus(skew));
    }
}
