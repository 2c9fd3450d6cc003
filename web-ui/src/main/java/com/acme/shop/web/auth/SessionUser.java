package com.acme.shop.web.auth;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/** Who is signed in: the principal kept in the security context of the session. */
public record SessionUser(String id, String email, List<String> roles) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public SessionUser {
        roles = List.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }
}
