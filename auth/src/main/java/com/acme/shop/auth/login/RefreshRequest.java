package com.acme.shop.auth.login;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /api/auth/refresh} and {@code POST /api/auth/logout}. */
record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
