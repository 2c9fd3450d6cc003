package com.acme.shop.auth.token;

import java.time.Instant;

/** A signed access token with the facts the refresh-token family must remember. */
public record IssuedAccessToken(String value, String jti, Instant issuedAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedAccessToken[jti=" + jti + ", expiresAt=" + expiresAt + "]";
    }
}
