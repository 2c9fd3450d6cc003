package com.acme.shop.auth.login;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * Body of {@code POST /api/auth/login}. Any password that is not empty is checked (spaces
 * count).
 */
@Schema(name = "Credentials", requiredProperties = { "email", "password" })
record Credentials(@Schema(description = "Any letter case.", example = "ann.lee@example.com") @NotBlank String email,
        @Schema(format = "password", minLength = 1,
                example = "violet kettle drums at noon") @NotEmpty(message = "must not be blank") String password) {

    @Override
    public String toString() {
        return "Credentials[email=" + email + "]";
    }
}
