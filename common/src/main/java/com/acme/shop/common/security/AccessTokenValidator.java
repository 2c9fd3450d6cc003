package com.acme.shop.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * The claim and header checks of B4–B7 on an already signature-verified token:
 * {@code typ} is {@code at+jwt}; {@code iss} matches exactly; {@code aud} contains this
 * service; {@code sub}, {@code exp}, {@code iat} and {@code jti} are present;
 * {@code now <= exp + skew}; {@code nbf} and {@code iat} are not later than
 * {@code now + skew}; {@code exp - iat <= 10 min}. The error never says which check
 * failed.
 */
final class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

    static final String ACCESS_TOKEN_TYPE = "at+jwt";
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private static final OAuth2Error INVALID = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "Invalid token", null);

    /**
     * The same error for an expired token, told apart only by its description, which no
     * client sees ({@link BearerErrorResponses} writes fixed answers); it lets
     * {@link TokenValidationMetrics} count expiries separately.
     */
    private static final OAuth2Error EXPIRED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "Expired token", null);

    private final String issuer;

    private final String audience;

    private final Duration skew;

    private final Clock clock;

    AccessTokenValidator(String issuer, String audience, Duration skew, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.skew = skew;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        if (isValid(jwt)) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(isExpired(jwt) ? EXPIRED : INVALID);
    }

    /** True for the error {@link #validate} gives a token that failed only by expiry. */
    static boolean isExpiry(OAuth2Error error) {
        return EXPIRED.getDescription().equals(error.getDescription());
    }

    /**
     * Expired, while every other check passes with the clock turned back to just before
     * {@code exp}: a refused token counts as expired only when expiry is all that is
     * wrong with it.
     */
    private boolean isExpired(Jwt jwt) {
        Instant exp = jwt.getExpiresAt();
        if (exp == null || !clock.instant().isAfter(exp.plus(skew))) {
            return false;
        }
        Clock beforeExpiry = Clock.fixed(exp, clock.getZone());
        return new AccessTokenValidator(issuer, audience, skew, beforeExpiry).isValid(jwt);
    }

    boolean isValid(Jwt jwt) {
        Object typ = jwt.getHeaders().get("typ");
        if (!(typ instanceof String type) || !ACCESS_TOKEN_TYPE.equalsIgnoreCase(type)) {
            return false;
        }
        if (!issuer.equals(jwt.getClaimAsString(JwtClaimNames.ISS))) {
            return false;
        }
        List<String> aud = jwt.getAudience();
        if (aud == null || !aud.contains(audience)) {
            return false;
        }
        if (isBlank(jwt.getSubject()) || isBlank(jwt.getId())) {
            return false;
        }
        Instant exp = jwt.getExpiresAt();
        Instant iat = jwt.getIssuedAt();
        if (exp == null || iat == null) {
            return false;
        }
        Instant now = clock.instant();
        if (now.isAfter(exp.plus(skew))) {
            return false;
        }
        if (iat.isAfter(now.plus(skew))) {
            return false;
        }
        Instant nbf = jwt.getNotBefore();
        if (nbf != null && nbf.isAfter(now.plus(skew))) {
            return false;
        }
        return Duration.between(iat, exp).compareTo(MAX_LIFETIME) <= 0;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

}
