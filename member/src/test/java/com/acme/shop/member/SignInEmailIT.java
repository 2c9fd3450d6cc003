package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A registered member's email is also their sign-in email at auth, so the public API
 * changes it for nobody; members an admin created have no account and the admin changes
 * their email freely.
 */
class SignInEmailIT extends MemberServerTestSupport {

    @Test
    void adminCannotChangeTheEmailOfAMemberWithAnAccount() {
        UUID id = UUID.randomUUID();
        String email = uniqueEmail("registered");
        registerMember(id, email, "Registered Member");
        String newEmail = uniqueEmail("drifted");

        for (String ifMatch : new String[] { null, "\"0\"" }) {
            http.put().uri("/api/members/{id}", id).headers(h -> h.setBearerAuth(adminToken())).headers(h -> {
                if (ifMatch != null) {
                    h.set(HttpHeaders.IF_MATCH, ifMatch);
                }
            })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new MemberForm(newEmail, "Renamed Member", null))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("email")
                .jsonPath("$.errors[0].message")
                .isEqualTo(EmailChangeRule.ACCOUNT_EMAIL);
        }

        http.get()
            .uri("/api/members/{id}", id)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody()
            .jsonPath("$.email")
            .isEqualTo(email)
            .jsonPath("$.name")
            .isEqualTo("Registered Member");
        assertThat(countMembersWithEmail(newEmail)).isZero();
    }

    @Test
    void adminChangesTheEmailOfAMemberWithoutAnAccount() {
        Member member = createMember(uniqueEmail("walk-in"), "Walk In", null);
        assertThat(hasAccount(member.id())).isFalse();
        String newEmail = uniqueEmail("moved");

        http.put()
            .uri("/api/members/{id}", member.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(newEmail, "Walk In", null))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.email")
            .isEqualTo(newEmail)
            .jsonPath("$.version")
            .isEqualTo(1);

        assertThat(countMembersWithEmail(newEmail)).isEqualTo(1);
        assertThat(countMembersWithEmail(member.email())).isZero();
        assertThat(hasAccount(member.id())).isFalse();
    }

    @Test
    void acceptsTheSignInEmailInAnotherCaseAndKeepsTheStoredOne() {
        UUID id = UUID.randomUUID();
        String email = uniqueEmail("cased");
        registerMember(id, email, "Cased Email");

        http.put()
            .uri("/api/members/{id}", id)
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(email.toUpperCase(Locale.ROOT), "Renamed By Admin", "+1 555 0199"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody()
            .jsonPath("$.email")
            .isEqualTo(email)
            .jsonPath("$.name")
            .isEqualTo("Renamed By Admin")
            .jsonPath("$.phone")
            .isEqualTo("+1 555 0199");
    }

    @Test
    void recordsAnAccountOnlyForRegisteredMembersAndKeepsItOutOfTheApi() {
        UUID registered = UUID.randomUUID();
        registerMember(registered, uniqueEmail("signed-up"), "Signed Up");
        Member created = createMember(uniqueEmail("added"), "Added By Admin", null);

        assertThat(hasAccount(registered)).isTrue();
        assertThat(hasAccount(created.id())).isFalse();
        http.get()
            .uri("/api/members/{id}", registered)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.length()")
            .isEqualTo(7)
            .jsonPath("$.hasAccount")
            .doesNotExist();
    }

}
