package com.acme.shop.auth.login;

import com.acme.shop.auth.account.Password;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;

/**
 * Body of {@code POST /api/auth/password}: the new password must pass the registration
 * policy (B16, B17).
 */
@Schema(name = "PasswordChangeRequest", requiredProperties = { "current_password", "new_password" })
record PasswordChangeRequest(
        @Schema(format = "password", minLength = 1) @JsonProperty("current_password") @NotEmpty(
                message = "must not be blank") String currentPassword,
        @Schema(format = "password",
                description = "15 to 128 characters of any kind; common passwords are refused.") @JsonProperty("new_password") @Password String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[***]";
    }
}
