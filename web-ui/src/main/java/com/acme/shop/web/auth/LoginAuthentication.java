package com.acme.shop.web.auth;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import com.acme.shop.web.client.TokenSet;

/**
 * The authentication stored in the session's security context. The tokens travel with it
 * only from the authentication manager to the success handler, which moves them into
 * their own session attribute: the field is transient and left out of the session's JSON,
 * so they are never stored as part of the security context.
 */
public final class LoginAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SessionUser user;

    private final transient TokenSet tokens;

    /** The authentication as read back from the session: the user only. */
    public LoginAuthentication(SessionUser user) {
        this(user, null);
    }

    public LoginAuthentication(SessionUser user, TokenSet tokens) {
        super(AuthorityUtils.createAuthorityList(user.roles().stream().map(r -> "ROLE_" + r).toArray(String[]::new)));
        this.user = user;
        this.tokens = tokens;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public SessionUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.email();
    }

    /**
     * The tokens just obtained at login; {@code null} once the authentication was read
     * back from Redis.
     */
    public TokenSet tokens() {
        return tokens;
    }

}
