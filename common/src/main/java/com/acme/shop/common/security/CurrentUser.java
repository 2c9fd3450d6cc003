package com.acme.shop.common.security;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** The authenticated caller from the reactive security context. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /**
     * The caller, or empty when the request is not authenticated with an access token.
     */
    public static Mono<AuthenticatedUser> current() {
        return jwt().map(CurrentUser::from);
    }

    /** The caller's verified access token, or empty. */
    public static Mono<Jwt> jwt() {
        return ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .flatMap(CurrentUser::jwtOf);
    }

    public static Mono<Jwt> jwtOf(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return Mono.just(token.getToken());
        }
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Mono.just(jwt);
        }
        return Mono.empty();
    }

    public static AuthenticatedUser from(Jwt jwt) {
        return new AuthenticatedUser(uuidOrNull(jwt.getSubject()), jwt.getClaimAsString("email"),
                RolesAuthenticationConverter.roles(jwt));
    }

    private static UUID uuidOrNull(String subject) {
        if (subject == null) {
            return null;
        }
        try {
            return UUID.fromString(subject);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

}
