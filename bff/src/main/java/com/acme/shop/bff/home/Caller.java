package com.acme.shop.bff.home;

import java.time.Instant;
import java.util.List;

/**
 * The caller of {@code /api/home}: for a signed-in caller its raw bearer (passed on to
 * auth, member and order) and the facts read from its already verified access token;
 * {@link #ANONYMOUS} for a call without a token.
 */
record Caller(String bearerToken, String subject, List<String> roles, Instant issuedAt) {

    static final String ADMIN = "ADMIN";

    /** A caller without a token: sees only what is public (the featured products). */
    static final Caller ANONYMOUS = new Caller(null, null, List.of(), null);

    Caller {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    boolean isAnonymous() {
        return bearerToken == null;
    }

    boolean isAdmin() {
        return !isAnonymous() && roles.contains(ADMIN);
    }

    @Override
    public String toString() { // never print the token
        return isAnonymous() ? "Caller[anonymous]" : "Caller[subject=" + subject + ", roles=" + roles + "]";
    }
}
