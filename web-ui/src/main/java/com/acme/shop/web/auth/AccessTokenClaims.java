package com.acme.shop.web.auth;

import java.text.ParseException;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Reads the subject, email and roles from an access token that web-ui received directly
 * from auth over the back channel, parsed with Nimbus JOSE ({@link SignedJWT#parse}). The
 * signature is deliberately not verified here: the token comes straight from auth, and
 * the gateway and the services verify every token on every use; web-ui only needs to know
 * whom the session belongs to.
 */
final class AccessTokenClaims {

    private AccessTokenClaims() {
    }

    /**
     * The user the token was issued to; {@link IllegalArgumentException} when it is not a
     * JWS with a subject.
     */
    static SessionUser user(String accessToken) {
        JWTClaimsSet claims;
        try {
            claims = SignedJWT.parse(accessToken == null ? "" : accessToken).getJWTClaimsSet();
        }
        catch (ParseException ex) {
            throw new IllegalArgumentException("access token is not a JWS", ex);
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("access token has no subject");
        }
        Object email = claims.getClaim("email");
        Object roles = claims.getClaim("roles");
        List<String> roleList = roles instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new SessionUser(subject, email instanceof String s ? s : "", roleList);
    }

}
