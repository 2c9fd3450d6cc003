package com.acme.shop.common.security;

/**
 * The Redis keys of access-token revocation, in one place for the writer (auth) and every
 * verifier:
 * <ul>
 * <li>{@code deny:{iss}:{jti}} — one revoked access token (B13; logout, refresh reuse,
 * password change);</li>
 * <li>{@code tva:{iss}:{sub}} — "tokens valid after": epoch milliseconds; every access
 * token of that subject with {@code iat * 1000 < value} is revoked (a password change
 * ends every login made before it, B12).</li>
 * </ul>
 * Both are keyed on the issuer and an identifier, never on the token itself.
 */
public final class RevocationKeys {

    private RevocationKeys() {
    }

    /**
     * {@code deny:{iss}:} — the prefix of {@link #denylist(String, String)} (for Lua
     * scripts that append a jti).
     */
    public static String denylistPrefix(String issuer) {
        return "deny:" + issuer + ":";
    }

    /**
     * {@code deny:{iss}:{jti}}: exists while the access token with this jti is revoked.
     */
    public static String denylist(String issuer, String jti) {
        return denylistPrefix(issuer) + jti;
    }

    /**
     * {@code tva:{iss}:{sub}}: epoch milliseconds before which every access token of the
     * subject is revoked.
     */
    public static String tokensValidAfter(String issuer, String subject) {
        return "tva:" + issuer + ":" + subject;
    }

}
