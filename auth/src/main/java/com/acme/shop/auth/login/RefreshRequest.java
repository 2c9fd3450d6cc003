package com.acme.shop.auth.login;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /api/auth/refresh} (validated) and {@code POST /api/auth/logout}
 * (token optional).
 */
record RefreshRequest(@JsonProperty("refresh_token") @NotBlank String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
