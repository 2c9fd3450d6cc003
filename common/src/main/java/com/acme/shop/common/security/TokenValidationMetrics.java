package com.acme.shop.common.security;

import java.text.ParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.proc.BadJOSEException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Counts the bearer-token checks of a resource server by outcome: one counter
 * {@code <name>} with the tags {@code outcome} ({@code accepted}, {@code rejected}) and
 * {@code reason} ({@code none} when accepted, else a {@link Reason}). Every combination
 * is registered up front, so dashboards show zeros rather than gaps. The gateway counts
 * as {@code gateway.token.validations} (Prometheus
 * {@code gateway_token_validations_total}); {@link #NONE} counts nothing.
 * <p>
 * {@link ResourceServerSecurity} calls it: {@link #accepted()} when the decoder accepts a
 * token, {@link #rejected(Throwable)} from the failure handler, and
 * {@link Reason#MISSING} when a protected route is called without credentials. The reason
 * is for operators only; the client still gets the one undifferentiated 401 of B8.
 */
public final class TokenValidationMetrics {

    /** Why a token was refused; the tag value is the lower-case name. */
    public enum Reason {

        /** No bearer credentials on a route that needs them. */
        MISSING,
        /** Not a well-formed bearer header or JWT. */
        MALFORMED,
        /**
         * Not verifiable with the pinned keys: bad signature, unknown {@code kid},
         * another algorithm or type.
         */
        SIGNATURE,
        /** Past {@code exp} (plus the clock skew). */
        EXPIRED,
        /**
         * Signed correctly but with the wrong issuer, audience, missing claims,
         * timestamps in the future or a lifetime over 10 minutes.
         */
        CLAIMS,
        /** Denylisted, or issued before the account's "tokens valid after" instant. */
        REVOKED,
        /** The revocation state could not be read (503, fail closed). */
        UNAVAILABLE,
        /** Anything else (e.g. the JWKS could not be fetched). */
        OTHER;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    public static final TokenValidationMetrics NONE = new TokenValidationMetrics(null, null);

    private final Counter accepted;

    private final Map<Reason, Counter> rejected;

    private TokenValidationMetrics(Counter accepted, Map<Reason, Counter> rejected) {
        this.accepted = accepted;
        this.rejected = rejected;
    }

    /** Registers the counters {@code name} in {@code registry}. */
    public static TokenValidationMetrics register(MeterRegistry registry, String name) {
        Counter accepted = Counter.builder(name)
            .description("Bearer-token checks by outcome and reason")
            .tag("outcome", "accepted")
            .tag("reason", "none")
            .register(registry);
        Map<Reason, Counter> rejected = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            rejected.put(reason,
                    Counter.builder(name)
                        .description("Bearer-token checks by outcome and reason")
                        .tag("outcome", "rejected")
                        .tag("reason", reason.tag())
                        .register(registry));
        }
        return new TokenValidationMetrics(accepted, rejected);
    }

    boolean counts() {
        return accepted != null;
    }

    void accepted() {
        if (accepted != null) {
            accepted.increment();
        }
    }

    void rejected(Reason reason) {
        if (rejected != null) {
            rejected.get(reason).increment();
        }
    }

    void rejected(Throwable failure) {
        if (rejected != null) {
            rejected(reasonOf(failure));
        }
    }

    /**
     * The reason behind a failed authentication, from the exceptions the decoder chain
     * and the bearer header converter raise (their causes, not their messages).
     */
    static Reason reasonOf(Throwable failure) {
        if (BearerErrorResponses.isTokenCheckUnavailable(failure)) {
            return Reason.UNAVAILABLE;
        }
        if (failure != null && failure.getCause() == null) {
            // the bearer header converter's own rejection: repeated or malformed header
            return Reason.MALFORMED;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RevokedTokenException) {
                return Reason.REVOKED;
            }
            if (t instanceof JwtValidationException invalid) {
                return invalid.getErrors().stream().anyMatch(AccessTokenValidator::isExpiry) ? Reason.EXPIRED
                        : Reason.CLAIMS;
            }
            if (t instanceof ParseException) {
                return Reason.MALFORMED;
            }
            if (t instanceof BadJOSEException) {
                return Reason.SIGNATURE;
            }
        }
        return Reason.OTHER;
    }

}
