package com.acme.shop.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class AccessTokenClaimsTest {

    @Test
    void readsSubjectEmailAndRoles() {
        SessionUser user = AccessTokenClaims
            .user(jws("{\"sub\":\"u-1\",\"email\":\"a@b.c\",\"roles\":[\"USER\",\"ADMIN\"]}"));

        assertThat(user).isEqualTo(new SessionUser("u-1", "a@b.c", java.util.List.of("USER", "ADMIN")));
        assertThat(user.isAdmin()).isTrue();
    }

    @Test
    void tokenWithoutSubjectIsRejected() {
        assertThatThrownBy(() -> AccessTokenClaims.user(jws("{\"email\":\"a@b.c\"}")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokenClaims.user("opaque")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String jws(String payload) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

}
