package com.acme.shop.auth.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * Body of {@code POST /api/auth/login}. Any password that is not empty is checked (spaces
 * count).
 */
record Credentials(@NotBlank String email, @NotEmpty(message = "must not be blank") String password) {

    @Override
    public String toString() {
        return "Credentials[email=" + email + "]";
    }
}
