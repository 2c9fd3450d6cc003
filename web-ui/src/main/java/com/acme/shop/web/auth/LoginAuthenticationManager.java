package com.acme.shop.web.auth;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.acme.shop.web.client.AuthClient;
import com.acme.shop.web.client.AuthExceptions;
import com.acme.shop.web.client.ClientAddress;

import reactor.core.publisher.Mono;

/**
 * Authenticates email and password against the auth service (direct call, not via the
 * gateway). The browser's {@link ClientAddress} travels as the authentication's details.
 */
@Component
public class LoginAuthenticationManager implements ReactiveAuthenticationManager {

    private final AuthClient authClient;

    LoginAuthenticationManager(AuthClient authClient) {
        this.authClient = authClient;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().strip();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (email.isEmpty() || password.isEmpty()) {
            return Mono.error(new BadCredentialsException("Invalid email or password"));
        }
        ClientAddress clientAddress = authentication.getDetails() instanceof ClientAddress address ? address : null;
        return authClient.login(email, password, clientAddress)
            .<Authentication>map(
                    tokens -> new LoginAuthentication(AccessTokenClaims.user(tokens.accessToken()), tokens))
            .onErrorMap(IllegalArgumentException.class,
                    ex -> new AuthExceptions.Unavailable("auth returned an unreadable token"));
    }

}
