package com.acme.shop.member;

import java.util.UUID;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Access to {@code /api/members/{id}}: ADMIN for any id, USER only for their own id (the
 * token subject). Everyone else is refused.
 */
final class MemberAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    static final String ADMIN = "ROLE_ADMIN";
    static final String USER = "ROLE_USER";

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        Object pathId = context.getVariables().get("id");
        return authentication.filter(Authentication::isAuthenticated)
            .map(auth -> (AuthorizationResult) new AuthorizationDecision(
                    allowed(auth, pathId == null ? null : pathId.toString())))
            .defaultIfEmpty(new AuthorizationDecision(false));
    }

    static boolean allowed(Authentication auth, String pathId) {
        if (hasAuthority(auth, ADMIN)) {
            return true;
        }
        UUID own = Ids.parse(auth.getName());
        return hasAuthority(auth, USER) && own != null && own.equals(Ids.parse(pathId));
    }

    private static boolean hasAuthority(Authentication auth, String authority) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }

}
