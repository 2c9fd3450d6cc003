package com.acme.shop.auth;

import com.acme.shop.common.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The auth API's answers that carry more than a status and a detail, as common
 * {@link ProblemException}s.
 */
public final class AuthProblems {

    public static final String INVALID_CREDENTIALS = "Invalid username or password";

    private AuthProblems() {
    }

    /**
     * The single answer for unknown user, wrong password, throttled, locked or disabled
     * (B14, B15).
     */
    public static ProblemException invalidCredentials() {
        return unauthorized(INVALID_CREDENTIALS);
    }

    /** 401, never stored by a cache. */
    public static ProblemException unauthorized(String detail) {
        return ProblemException.of(HttpStatus.UNAUTHORIZED, detail).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** 429 for the login limits, with {@code Retry-After} (seconds, at least 1). */
    public static ProblemException tooManyLogins(long retryAfterSeconds) {
        return ProblemException.of(HttpStatus.TOO_MANY_REQUESTS, "Too many login attempts; try again later")
            .retryAfter(retryAfterSeconds);
    }

}
