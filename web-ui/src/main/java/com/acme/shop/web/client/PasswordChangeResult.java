package com.acme.shop.web.client;

/**
 * Auth's answer to a password change. {@code tokenRejected}: a 401 about the bearer token
 * (it carries {@code WWW-Authenticate}), as opposed to the 401 for a wrong current
 * password, which does not.
 */
public record PasswordChangeResult(int status, boolean tokenRejected, ApiProblem problem) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * The current password was wrong (or the account is throttled: auth answers both
     * alike, B14).
     */
    public boolean isWrongCurrentPassword() {
        return status == 401 && !tokenRejected;
    }
}
