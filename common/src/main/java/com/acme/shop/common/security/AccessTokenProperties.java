package com.acme.shop.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How this service verifies access tokens (rules B2–B6, B13), bound to {@code shop.jwt}.
 *
 * @param issuer   the exact {@code iss} value ({@code JWT_ISSUER}, default {@code shop-auth})
 * @param audience this service's id, which {@code aud} must contain ({@code shop-gateway}, {@code shop-member}, ...)
 * @param jwksUri  the pinned JWKS ({@code ${AUTH_SERVER_URL}/.well-known/jwks.json})
 * @param clockSkew allowance for {@code exp}, {@code nbf} and {@code iat} (60 s)
 * @param denylist whether {@code deny:{iss}:{jti}} is checked in Redis on every request (default true)
 */
@ConfigurationProperties("shop.jwt")
public record AccessTokenProperties(String issuer, String audience, String jwksUri, Duration clockSkew,
        Boolean denylist) {

    public static final String DEFAULT_ISSUER = "shop-auth";
    public static final String DEFAULT_AUTH_SERVER_URL = "http://localhost:4000";
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    @ConstructorBinding
    public AccessTokenProperties {
        issuer = hasText(issuer) ? issuer : DEFAULT_ISSUER;
        jwksUri = hasText(jwksUri) ? jwksUri : DEFAULT_AUTH_SERVER_URL + JWKS_PATH;
        clockSkew = clockSkew != null ? clockSkew : DEFAULT_CLOCK_SKEW;
        denylist = denylist == null || denylist;
    }

    /** Convenience constructor with the defaults for everything but the audience. */
    public AccessTokenProperties(String audience) {
        this(null, audience, null, null, null);
    }

    /** The JWKS location for an auth service base URL, e.g. {@code http://localhost:4000}. */
    public static String jwksUriFor(String authServerUrl) {
        String base = authServerUrl.endsWith("/") ? authServerUrl.substring(0, authServerUrl.length() - 1) : authServerUrl;
        return base + JWKS_PATH;
    }

    public boolean denylistEnabled() {
        return denylist;
    }

    public AccessTokenProperties withIssuer(String newIssuer) {
        return new AccessTokenProperties(newIssuer, audience, jwksUri, clockSkew, denylist);
    }

    public AccessTokenProperties withAudience(String newAudience) {
        return new AccessTokenProperties(issuer, newAudience, jwksUri, clockSkew, denylist);
    }

    public AccessTokenProperties withJwksUri(String newJwksUri) {
        return new AccessTokenProperties(issuer, audience, newJwksUri, clockSkew, denylist);
    }

    public AccessTokenProperties withDenylist(boolean newDenylist) {
        return new AccessTokenProperties(issuer, audience, jwksUri, clockSkew, newDenylist);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
