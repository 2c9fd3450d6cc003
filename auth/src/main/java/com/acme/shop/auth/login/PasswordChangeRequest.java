package com.acme.shop.auth.login;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /api/auth/password}. */
record PasswordChangeRequest(
        @JsonProperty("current_password") String currentPassword,
        @JsonProperty("new_password") String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[***]";
    }
}
