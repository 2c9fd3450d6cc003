package com.acme.shop.web.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the subject, email and roles from an access token that web-ui received directly from auth
 * over the back channel. The signature is not checked here: the gateway and the services verify
 * every token they get; web-ui only needs to know whom the session belongs to.
 */
final class AccessTokenClaims {

    private AccessTokenClaims() {
    }

    @SuppressWarnings("unchecked")
    static SessionUser user(String accessToken) {
        String[] parts = accessToken == null ? new String[0] : accessToken.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("access token is not a JWS");
        }
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        Map<String, Object> claims = JsonMapper.shared().readValue(new String(payload, StandardCharsets.UTF_8), Map.class);
        Object sub = claims.get("sub");
        if (!(sub instanceof String subject) || subject.isBlank()) {
            throw new IllegalArgumentException("access token has no subject");
        }
        Object email = claims.get("email");
        Object roles = claims.get("roles");
        List<String> roleList = roles instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new SessionUser(subject, email instanceof String s ? s : "", roleList);
    }
}
