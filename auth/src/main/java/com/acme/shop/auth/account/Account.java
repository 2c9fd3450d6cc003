package com.acme.shop.auth.account;

import java.util.List;
import java.util.UUID;

/** Credentials of one user. {@code email} is stored trimmed and lower-case. */
public record Account(UUID id, String email, String passwordHash, List<String> roles, AccountStatus status) {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";

    public Account {
        roles = List.copyOf(roles);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    /** Trims and lower-cases an e-mail address, so uniqueness is case-insensitive. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", roles=" + roles + ", status=" + status + "]";
    }
}
