package com.acme.shop.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How this service verifies access tokens (rules B2–B6, B13), bound to {@code shop.jwt}.
 *
 * @param issuer the exact {@code iss} value ({@code JWT_ISSUER}, default
 * {@code shop-auth})
 * @param audience this service's id, which {@code aud} must contain
 * ({@code shop-gateway}, {@code shop-member}, ...)
 * @param jwksUri the pinned JWKS ({@code ${AUTH_SERVER_URL}/.well-known/jwks.json})
 * @param clockSkew allowance for {@code exp}, {@code nbf} and {@code iat} (60 s)
 * @param denylist whether the revocation state ({@code deny:{iss}:{jti}} and
 * {@code tva:{iss}:{sub}}, see {@link RevocationKeys}) is checked in Redis on every
 * request (default true)
 * @param cache the cache of already verified tokens ({@code shop.jwt.cache.*}, see
 * {@link AccessTokenDecoders})
 * @param replica whether a service that checks the revocation state keeps a local replica
 * of it, fed by Redis keyspace notifications, and asks Redis only while that replica is
 * not in sync (default true; {@code shop.jwt.replica}, env {@code SHOP_JWT_REPLICA})
 */
@ConfigurationProperties("shop.jwt")
public record AccessTokenProperties(String issuer, String audience, String jwksUri, Duration clockSkew,
        Boolean denylist, TokenCache cache, Boolean replica) {

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
        cache = cache != null ? cache : TokenCache.DEFAULT;
        replica = replica == null || replica;
    }

    /** All settings but the replica, which is on. */
    public AccessTokenProperties(String issuer, String audience, String jwksUri, Duration clockSkew, Boolean denylist,
            TokenCache cache) {
        this(issuer, audience, jwksUri, clockSkew, denylist, cache, null);
    }

    /** All settings but the cache, which keeps its defaults (on, 10 000 tokens). */
    public AccessTokenProperties(String issuer, String audience, String jwksUri, Duration clockSkew, Boolean denylist) {
        this(issuer, audience, jwksUri, clockSkew, denylist, null);
    }

    /** Convenience constructor with the defaults for everything but the audience. */
    public AccessTokenProperties(String audience) {
        this(null, audience, null, null, null, null);
    }

    public boolean denylistEnabled() {
        return denylist;
    }

    /** Whether the revocation state is checked against a local replica (and Redis). */
    public boolean replicaEnabled() {
        return denylist && replica;
    }

    public AccessTokenProperties withIssuer(String newIssuer) {
        return new AccessTokenProperties(newIssuer, audience, jwksUri, clockSkew, denylist, cache, replica);
    }

    public AccessTokenProperties withAudience(String newAudience) {
        return new AccessTokenProperties(issuer, newAudience, jwksUri, clockSkew, denylist, cache, replica);
    }

    public AccessTokenProperties withJwksUri(String newJwksUri) {
        return new AccessTokenProperties(issuer, audience, newJwksUri, clockSkew, denylist, cache, replica);
    }

    public AccessTokenProperties withDenylist(boolean newDenylist) {
        return new AccessTokenProperties(issuer, audience, jwksUri, clockSkew, newDenylist, cache, replica);
    }

    public AccessTokenProperties withCache(TokenCache newCache) {
        return new AccessTokenProperties(issuer, audience, jwksUri, clockSkew, denylist, newCache, replica);
    }

    public AccessTokenProperties withReplica(boolean newReplica) {
        return new AccessTokenProperties(issuer, audience, jwksUri, clockSkew, denylist, cache, newReplica);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * The cache of successfully verified access tokens ({@code shop.jwt.cache}), see
     * {@link AccessTokenDecoders}.
     *
     * @param enabled whether verified tokens are cached until they expire (default true)
     * @param maxSize how many tokens are kept at most (default 10 000; at least 1)
     */
    public record TokenCache(Boolean enabled, Integer maxSize) {

        public static final int DEFAULT_MAX_SIZE = 10_000;

        public static final TokenCache DEFAULT = new TokenCache(true, DEFAULT_MAX_SIZE);

        public static final TokenCache DISABLED = new TokenCache(false, DEFAULT_MAX_SIZE);

        public TokenCache {
            enabled = enabled == null || enabled;
            maxSize = maxSize != null ? maxSize : DEFAULT_MAX_SIZE;
            if (maxSize < 1) {
                throw new IllegalArgumentException(
                        "shop.jwt.cache.max-size must be at least 1 (or set shop.jwt.cache.enabled=false)");
            }
        }
    }
}
