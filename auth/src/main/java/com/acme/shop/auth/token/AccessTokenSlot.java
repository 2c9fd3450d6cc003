package com.acme.shop.auth.token;

import java.time.Instant;

/**
 * The identity of an access token that is about to be signed: its {@code jti} and the
 * latest {@code exp} it may get. The refresh-token family records both atomically with
 * its own state change (so a revocation that runs before the token is signed still
 * denylists it); the token is then signed with
 * {@link AccessTokenIssuer#issue(java.util.UUID, String, java.util.List, AccessTokenSlot, long)},
 * whose {@code iat} depends on what that Redis step returned.
 */
public record AccessTokenSlot(String jti, Instant expiresBy) {
}
