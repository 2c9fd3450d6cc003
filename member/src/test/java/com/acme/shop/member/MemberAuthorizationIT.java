package com.acme.shop.member;

import java.security.SecureRandom;
import java.util.UUID;

import com.acme.shop.common.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class MemberAuthorizationIT extends MemberServerTestSupport {

    @Test
    void userReadsAndUpdatesOnlyOwnProfile() {
        UUID userId = UUID.randomUUID();
        String email = uniqueEmail("user");
        registerMember(userId, email, "Plain User");
        Member someoneElse = createMember(uniqueEmail("else"), "Someone Else", null);
        String token = TOKENS.user(userId);

        http.get()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody()
            .jsonPath("$.id")
            .isEqualTo(userId.toString())
            .jsonPath("$.email")
            .isEqualTo(email);
        http.get()
            .uri("/api/members/{id}", userId)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk();
        http.put()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\":\"Renamed User\",\"phone\":\"+1 555 0100\"}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Renamed User")
            .jsonPath("$.email")
            .isEqualTo(email)
            .jsonPath("$.phone")
            .isEqualTo("+1 555 0100");
        http.put()
            .uri("/api/members/{id}", userId)
            .headers(h -> h.setBearerAuth(token))
            .header(HttpHeaders.IF_MATCH, "\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(email, "Renamed Again", null))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.version")
            .isEqualTo(2);

        http.get()
            .uri("/api/members/{id}", someoneElse.id())
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*error=\"insufficient_scope\".*");
        http.put()
            .uri("/api/members/{id}", someoneElse.id())
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(uniqueEmail("x"), "Hijack", null))
            .exchange()
            .expectStatus()
            .isForbidden();
        http.get().uri("/api/members").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
        http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(uniqueEmail("x"), "Sneaky", null))
            .exchange()
            .expectStatus()
            .isForbidden();
        http.delete()
            .uri("/api/members/{id}", userId)
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isForbidden();
    }

    @Test
    void neitherUserNorAdminChangesTheSignInEmail() {
        UUID userId = UUID.randomUUID();
        String email = uniqueEmail("locked");
        registerMember(userId, email, "Locked Email");
        String token = TOKENS.user(userId);

        http.put()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(uniqueEmail("other"), "Locked Email", null))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("email");
        http.put()
            .uri("/api/members/{id}", userId)
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(uniqueEmail("other"), "Locked Email", null))
            .exchange()
            .expectStatus()
            .isBadRequest();
        http.put()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(email.toUpperCase(java.util.Locale.ROOT), "Same Email", null))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.email")
            .isEqualTo(email);

        http.put()
            .uri("/api/members/{id}", userId)
            .headers(h -> h.setBearerAuth(TOKENS.admin(UUID.randomUUID())))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(uniqueEmail("changed"), "Same Email", null))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("email")
            .jsonPath("$.errors[0].message")
            .isEqualTo(EmailChangeRule.ACCOUNT_EMAIL);
        http.get()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.email")
            .isEqualTo(email);
    }

    @Test
    void adminReadsOwnProfileAndAnyMember() {
        UUID adminId = UUID.randomUUID();
        registerMember(adminId, uniqueEmail("admin"), "The Admin");
        Member other = createMember(uniqueEmail("member"), "A Member", null);

        http.get()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(TOKENS.admin(adminId)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("The Admin");
        http.get()
            .uri("/api/members/{id}", other.id())
            .headers(h -> h.setBearerAuth(TOKENS.admin(adminId)))
            .exchange()
            .expectStatus()
            .isOk();
        http.get()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(TOKENS.admin(adminId)))
            .exchange()
            .expectStatus()
            .isOk();
    }

    @Test
    void meIsNotFoundWithoutProfile() {
        http.get()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(TOKENS.user(UUID.randomUUID())))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void serviceTokenIsLimitedToInternalEndpoints() {
        http.get()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(TOKENS.service()))
            .exchange()
            .expectStatus()
            .isForbidden();
        http.get()
            .uri("/api/members/me")
            .headers(h -> h.setBearerAuth(TOKENS.service()))
            .exchange()
            .expectStatus()
            .isForbidden();
    }

    @Test
    void internalEndpointsRefuseUserAndAdminTokens() {
        UUID id = UUID.randomUUID();
        for (String token : new String[] { TOKENS.user(id), TOKENS.admin(id) }) {
            http.post()
                .uri("/internal/members")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new InternalMemberForm(id.toString(), uniqueEmail("internal"), "Nope", null))
                .exchange()
                .expectStatus()
                .isForbidden();
            http.delete()
                .uri("/internal/members/{id}", id)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isForbidden();
        }
    }

    @Test
    void refusesMissingAndInvalidTokens() {
        http.get()
            .uri("/api/members/me")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        UUID id = UUID.randomUUID();
        String[] invalid = {
                // same kid and claims, signed with a key the JWKS does not hold
                TOKENS.token(id).roles("USER", "ADMIN").signWith(TestTokens.newEcKeyPair()),
                TOKENS.token(id).roles("USER", "ADMIN").unsigned(),
                TOKENS.token(id).roles("USER", "ADMIN").audiences("shop-bff").sign(), TOKENS.token(id).expired().sign(),
                // HS256 with a shared secret instead of ES256 (rule B2)
                TOKENS.token(id).roles("USER", "ADMIN").signHs256(randomSecret()),
                // typ JWT instead of at+jwt (rule B4)
                TOKENS.token(id).roles("USER", "ADMIN").type("JWT").sign(), "not.a.jwt", };
        for (String token : invalid) {
            http.get()
                .uri("/api/members")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*error=\"invalid_token\".*")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void ignoresTokenInQueryString() {
        http.get().uri("/api/members?access_token={token}", adminToken()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void healthIsPublicOnTheManagementPortOnly(@LocalManagementPort int managementPort) {
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + managementPort)
            .build()
            .get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
        http.get().uri("/actuator/health").exchange().expectStatus().isUnauthorized();
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

}
