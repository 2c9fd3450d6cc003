package com.acme.shop.auth.login;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /api/auth/refresh} (validated) and {@code POST /api/auth/logout}
 * (token optional).
 */
@Schema(name = "RefreshRequest", requiredProperties = "refresh_token")
record RefreshRequest(@Schema(
        description = "The refresh token of the last token answer.") @JsonProperty("refresh_token") @NotBlank String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
