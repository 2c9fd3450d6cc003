package com.acme.shop.auth.login;

import com.acme.shop.auth.account.Password;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/**
 * Body of {@code POST /api/auth/password}: the new password must pass the registration
 * policy (B16, B17).
 */
record PasswordChangeRequest(
        @JsonProperty("current_password") @NotEmpty(message = "must not be blank") String currentPassword,
        @JsonProperty("new_password") @Password String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[***]";
    }
}
