package com.acme.shop.common.security;

import java.util.List;
import java.util.UUID;

/**
 * The caller of an authenticated request, from the access token.
 *
 * @param id the user id ({@code sub}); {@code null} for non-user subjects such as
 * {@code service:auth}
 * @param email the {@code email} claim (may be {@code null} for service tokens)
 * @param roles the {@code roles} claim without prefix, e.g. {@code ["USER","ADMIN"]}
 */
public record AuthenticatedUser(UUID id, String email, List<String> roles) {

    public AuthenticatedUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole("ADMIN");
    }
}
