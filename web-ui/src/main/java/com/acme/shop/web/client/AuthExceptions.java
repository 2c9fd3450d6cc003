package com.acme.shop.web.client;

import java.util.List;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;

/** Failures of calls to auth. */
public final class AuthExceptions {

    private AuthExceptions() {
    }

    /** Auth answered 429: too many attempts. */
    public static final class Throttled extends AuthenticationException {

        public Throttled() {
            super("Too many attempts");
        }

    }

    /** Auth could not be reached or answered 5xx/503. */
    public static final class Unavailable extends AuthenticationServiceException {

        public Unavailable(String message) {
            super(message);
        }

    }

    /**
     * Auth refused to refresh (expired, revoked or reused refresh token): the session is
     * over.
     */
    public static final class RefreshRejected extends RuntimeException {

        public RefreshRejected() {
            super("Refresh token rejected");
        }

    }

    /** Registration was refused with a problem (validation errors, email taken). */
    public static final class RegistrationRejected extends RuntimeException {

        private final transient ApiProblem problem;

        public RegistrationRejected(ApiProblem problem) {
            super(problem.title());
            this.problem = problem;
        }

        public ApiProblem problem() {
            return problem;
        }

        public List<ApiProblem.FieldError> errors() {
            return problem.errors();
        }

    }

}
