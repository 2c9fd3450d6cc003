package com.acme.shop.member;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class InternalMemberIT extends MemberServerTestSupport {

    @Test
    void createsMemberWithGivenIdOnceAndRepeatsIdempotently() {
        UUID id = UUID.randomUUID();
        String email = uniqueEmail("reg");
        registerMember(id, email, "Registered Person");

        http.post()
            .uri("/internal/members")
            .headers(h -> h.setBearerAuth(TOKENS.service()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new InternalMemberForm(id.toString(), email.toUpperCase(), "Registered Person", null))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.id")
            .isEqualTo(id.toString())
            .jsonPath("$.email")
            .isEqualTo(email)
            .jsonPath("$.version")
            .isEqualTo(0);
        assertThat(countMembersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void recordsTheSignInAccountAndKeepsItOnRepeatedCreate() {
        UUID id = UUID.randomUUID();
        String email = uniqueEmail("account");
        registerMember(id, email, "Has Account");
        assertThat(hasAccount(id)).isTrue();

        http.post()
            .uri("/internal/members")
            .headers(h -> h.setBearerAuth(TOKENS.service()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new InternalMemberForm(id.toString(), email, "Has Account", null))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.version")
            .isEqualTo(0);

        assertThat(hasAccount(id)).isTrue();
    }

    @Test
    void repeatedCreateMarksAProfileStoredWithoutAccount() {
        UUID id = UUID.randomUUID();
        String email = uniqueEmail("before");
        registerMember(id, email, "Stored Before Accounts");
        // as a row from before has_account existed
        db.sql("UPDATE member.members SET has_account = false WHERE id = :id").bind("id", id).then().block();

        http.post()
            .uri("/internal/members")
            .headers(h -> h.setBearerAuth(TOKENS.service()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new InternalMemberForm(id.toString(), email, "Stored Before Accounts", null))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody()
            .jsonPath("$.email")
            .isEqualTo(email)
            .jsonPath("$.version")
            .isEqualTo(1);

        assertThat(hasAccount(id)).isTrue();
        http.put()
            .uri("/api/members/{id}", id)
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(uniqueEmail("changed"), "Stored Before Accounts", null))
            .exchange()
            .expectStatus()
            .isBadRequest();
    }

    @Test
    void refusesEmailOwnedByAnotherId() {
        String email = uniqueEmail("taken");
        registerMember(UUID.randomUUID(), email, "First Owner");

        http.post()
            .uri("/internal/members")
            .headers(h -> h.setBearerAuth(TOKENS.service()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new InternalMemberForm(UUID.randomUUID().toString(), email, "Second Owner", null))
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesSameIdWithAnotherEmail() {
        UUID id = UUID.randomUUID();
        registerMember(id, uniqueEmail("first"), "First Email");

        http.post()
            .uri("/internal/members")
            .headers(h -> h.setBearerAuth(TOKENS.service()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new InternalMemberForm(id.toString(), uniqueEmail("second"), "Second Email", null))
            .exchange()
            .expectStatus()
            .isEqualTo(409);
    }

    @Test
    void validatesInternalCreate() {
        http.post()
            .uri("/internal/members")
            .headers(h -> h.setBearerAuth(TOKENS.service()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new InternalMemberForm("nope", "bad", "", null))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("id")
            .jsonPath("$.errors[1].field")
            .isEqualTo("email")
            .jsonPath("$.errors[2].field")
            .isEqualTo("name");
    }

    @Test
    void deletesMemberAndAnswersNoContentEvenWhenAbsent() {
        UUID id = UUID.randomUUID();
        registerMember(id, uniqueEmail("gone"), "Soon Gone");

        for (int i = 0; i < 2; i++) {
            http.delete()
                .uri("/internal/members/{id}", id)
                .headers(h -> h.setBearerAuth(TOKENS.service()))
                .exchange()
                .expectStatus()
                .isNoContent();
        }
        http.get()
            .uri("/api/members/{id}", id)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNotFound();
    }

}
