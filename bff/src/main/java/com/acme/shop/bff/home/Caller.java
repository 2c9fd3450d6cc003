package com.acme.shop.bff.home;

import java.time.Instant;
import java.util.List;

/**
 * The verified caller of {@code /api/home}: its raw bearer (passed on to auth and member)
 * and the facts read from its already verified access token.
 */
record Caller(String bearerToken, String subject, List<String> roles, Instant issuedAt) {

    static final String ADMIN = "ADMIN";

    boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    @Override
    public String toString() { // never print the token
        return "Caller[subject=" + subject + ", roles=" + roles + "]";
    }
}
