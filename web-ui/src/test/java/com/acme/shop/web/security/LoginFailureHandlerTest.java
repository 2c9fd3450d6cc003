package com.acme.shop.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

import com.acme.shop.web.client.AuthExceptions;

class LoginFailureHandlerTest {

    @Test
    void wrongCredentialsGoBackWithGenericError() {
        assertThat(LoginFailureHandler.target(new BadCredentialsException("x"), null)).isEqualTo("/login?error");
    }

    @Test
    void throttlingAndOutagesHaveTheirOwnReason() {
        assertThat(LoginFailureHandler.target(new AuthExceptions.Throttled(), null))
            .isEqualTo("/login?error=throttled");
        assertThat(LoginFailureHandler.target(new AuthExceptions.Unavailable("down"), null))
            .isEqualTo("/login?error=unavailable");
    }

    @Test
    void keepsOnlyASafeNext() {
        assertThat(LoginFailureHandler.target(new BadCredentialsException("x"), "/members?q=a&page=1"))
            .isEqualTo("/login?error&next=/members?q%3Da%26page%3D1");
        assertThat(LoginFailureHandler.target(new BadCredentialsException("x"), "//evil.example"))
            .isEqualTo("/login?error");
    }

}
