package com.acme.shop.order;

import java.util.UUID;

import com.acme.shop.common.problem.ProblemException;
import com.acme.shop.common.security.AuthenticatedUser;
import com.acme.shop.common.security.CurrentUser;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * The signed-in person of a request: a user id (the token's {@code sub}) and whether
 * ADMIN.
 */
public record Users(UUID id, boolean admin) {

    /** The caller; 403 for a token whose subject is not a user (e.g. a service). */
    public static Mono<Users> current() {
        return CurrentUser.current().map(Users::of);
    }

    static Users of(AuthenticatedUser user) {
        if (user.id() == null) {
            throw ProblemException.of(HttpStatus.FORBIDDEN, "Only a signed-in person has a cart and orders.");
        }
        return new Users(user.id(), user.isAdmin());
    }

}
