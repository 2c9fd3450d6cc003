package com.acme.shop.common.security;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A valid token that was revoked (denylisted {@code jti}, or issued before the subject's
 * "tokens valid after" instant). The client sees the same 401 as for any bad token; the
 * type only tells {@link TokenValidationMetrics} why.
 */
final class RevokedTokenException extends BadJwtException {

    RevokedTokenException() {
        super("Invalid token");
    }

}
