package com.acme.shop.auth.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Credentials of one user. {@code email} is stored trimmed and lower-case.
 * {@code passwordChangedAt} is null until the first password change; it is the durable
 * copy of the user's "tokens valid after" instant.
 */
public record Account(UUID id, String email, String passwordHash, List<String> roles, AccountStatus status,
        Instant passwordChangedAt) {

    public static final String USER = "USER";

    public static final String ADMIN = "ADMIN";

    public Account {
        roles = List.copyOf(roles);
    }

    /** A new account (no password change yet). */
    public Account(UUID id, String email, String passwordHash, List<String> roles, AccountStatus status) {
        this(id, email, passwordHash, roles, status, null);
    }

    /**
     * {@link #passwordChangedAt()} in epoch milliseconds, 0 when the password was never
     * changed.
     */
    public long passwordChangedAtMillis() {
        return passwordChangedAt == null ? 0 : passwordChangedAt.toEpochMilli();
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
