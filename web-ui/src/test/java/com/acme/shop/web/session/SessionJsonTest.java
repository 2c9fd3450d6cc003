package com.acme.shop.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;

import com.acme.shop.web.auth.LoginAuthentication;
import com.acme.shop.web.auth.SessionUser;
import com.acme.shop.web.client.TokenSet;

class SessionJsonTest {

    private final SessionJson json = new SessionJson();

    @Test
    void theSecurityContextIsJsonAndComesBackWithTheUserAndRolesButNoTokens() {
        SessionUser user = new SessionUser("22222222-2222-2222-2222-222222222222", "user@shop.local",
                List.of("USER", "ADMIN"));
        SecurityContextImpl context = new SecurityContextImpl(
                new LoginAuthentication(user, new TokenSet("a.b.c", "rt", Instant.now())));

        byte[] bytes = json.serialize(context);
        String text = new String(bytes, StandardCharsets.UTF_8);
        Object back = json.deserialize(bytes);

        assertThat(text).startsWith("{").contains("\"@class\"").doesNotContain("a.b.c").doesNotContain("\"rt\"");
        assertThat(bytes[0]).isNotEqualTo((byte) 0xac);
        assertThat(back).isInstanceOfSatisfying(SecurityContextImpl.class, restored -> {
            assertThat(restored.getAuthentication()).isInstanceOfSatisfying(LoginAuthentication.class, login -> {
                assertThat(login.getPrincipal()).isEqualTo(user);
                assertThat(login.isAuthenticated()).isTrue();
                assertThat(login.tokens()).isNull();
                assertThat(AuthorityUtils.authorityListToSet(login.getAuthorities()))
                    .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
            });
        });
    }

    @Test
    void tokensCsrfTokenAndSessionFieldsRoundTrip() {
        TokenSet tokens = new TokenSet("h.p.s", "refresh", Instant.parse("2026-12-02T08:00:00Z"));
        DefaultCsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "3f1c");

        assertThat(json.deserialize(json.serialize(tokens))).isEqualTo(tokens);
        assertThat(json.deserialize(json.serialize(csrf))).isInstanceOfSatisfying(DefaultCsrfToken.class,
                back -> assertThat(back.getToken()).isEqualTo("3f1c"));
        assertThat(json.deserialize(json.serialize(1733130000000L))).isEqualTo(1733130000000L);
        assertThat(json.deserialize(json.serialize(1800))).isEqualTo(1800);
        assertThat(json.deserialize(json.serialize("/members?page=2"))).isEqualTo("/members?page=2");
        assertThat(json.deserialize(new byte[0])).isNull();
    }

    @Test
    void aValueNamingAClassOutsideTheAllowListIsRefusedWithoutLoadingIt() {
        for (String hostile : List.of("{\"@class\":\"com.acme.shop.web.session.Gadget\",\"command\":\"id\"}",
                "[\"com.acme.shop.web.session.Gadget\",{\"command\":\"id\"}]",
                "{\"@class\":\"org.springframework.security.core.context.SecurityContextImpl\",\"authentication\":"
                        + "{\"@class\":\"com.acme.shop.web.session.Gadget\",\"command\":\"id\"}}",
                "{\"@class\":\"org.springframework.security.core.context.SecurityContextImpl\",\"authentication\":"
                        + "{\"@class\":\"org.springframework.security.authentication.UsernamePasswordAuthenticationToken\","
                        + "\"principal\":\"admin\",\"authenticated\":true,\"authorities\":[\"java.util.ArrayList\",[]]}}",
                "[\"java.net.URL\",\"http://example.com\"]", "{\"@class\":\"java.util.HashMap\"}", "not json")) {
            assertThatExceptionOfType(SerializationException.class).as(hostile)
                .isThrownBy(() -> json.deserialize(hostile.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(System.getProperty(Gadget.TRACE)).isNull();
    }

}
