package com.acme.shop.web.client;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * The tokens of one signed-in browser session. Kept only in the server-side session
 * (Redis), never sent to the browser. {@code toString} hides the values so they cannot
 * end up in a log.
 */
public record TokenSet(String accessToken, String refreshToken, Instant expiresAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Session attribute that holds the tokens. */
    public static final String SESSION_ATTRIBUTE = "shop.tokens";

    static TokenSet from(TokenResponse response, Instant now) {
        return new TokenSet(response.accessToken(), response.refreshToken(), now.plusSeconds(response.expiresIn()));
    }

    @Override
    public String toString() {
        return "TokenSet[expiresAt=" + expiresAt + "]";
    }
}
