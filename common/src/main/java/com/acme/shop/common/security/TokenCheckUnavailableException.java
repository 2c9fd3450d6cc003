package com.acme.shop.common.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * The token's revocation state could not be checked (Redis unreachable or too slow).
 * Requests fail closed: {@link ResourceServerSecurity} answers 503 with
 * {@code Retry-After} (B13).
 */
public class TokenCheckUnavailableException extends AuthenticationServiceException {

    public TokenCheckUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

}
