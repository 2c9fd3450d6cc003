package com.acme.shop.auth.registration;

import java.util.List;
import java.util.Map;

import com.acme.shop.auth.AuthItSupport;
import com.acme.shop.auth.FakeMemberServer.Call;
import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.common.requestid.RequestIdWebFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationIT extends AuthItSupport {

    @Autowired
    AccountRepository accounts;

    @Test
    void createsTheMemberProfileWithAServiceToken() {
        String email = uniqueEmail();
        String id = register(email, PASSWORD, "Bea").expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();

        List<Call> calls = MEMBER.callsFor(email);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.body()).contains(id).contains("\"name\":\"Bea\"");
            assertThat(call.tokenPayload()).contains("\"sub\":\"service:auth\"")
                .contains("\"aud\":[\"shop-member\"]")
                .contains("\"roles\":[\"SERVICE\"]");
        });
    }

    @Test
    void passesTheIncomingRequestIdToMember() {
        String email = uniqueEmail();
        http.post()
            .uri("/api/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .header(RequestIdWebFilter.HEADER, "register-trace-1")
            .bodyValue(Map.of("email", email, "password", PASSWORD, "name", "Rid"))
            .exchange()
            .expectStatus()
            .isCreated();

        assertThat(MEMBER.callsFor(email)).singleElement()
            .satisfies(call -> assertThat(call.requestId()).isEqualTo("register-trace-1"));
    }

    @Test
    void memberDownRollsTheAccountBackWith503AndALaterRetrySucceeds() {
        String email = uniqueEmail();
        MEMBER.answerCreateWith(503);

        register(email, PASSWORD, "Cy").expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(503)
            .jsonPath("$.detail")
            .value(detail -> assertThat(detail.toString()).containsIgnoringCase("try again"));
        assertThat(accounts.countByEmail(email).block()).isZero();
        login(email, PASSWORD).expectStatus().isUnauthorized();

        MEMBER.answerCreateWith(201);
        register(email, PASSWORD, "Cy").expectStatus().isCreated();
        login(email, PASSWORD).expectStatus().isOk();
    }

    @Test
    void memberConflictIs409AndNoAccount() {
        String email = uniqueEmail();
        MEMBER.answerCreateWith(409);
        register(email, PASSWORD, "Di").expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(accounts.countByEmail(email).block()).isZero();
    }

    @Test
    void duplicateEmailIsA409WhateverItsCase() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Ed").expectStatus().isCreated();
        register(" " + email.toUpperCase(), PASSWORD, "Ed again").expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(409)
            .jsonPath("$.title")
            .exists();
    }

    @Test
    void passwordPolicyViolationsAre400WithAFieldReason() {
        assertRejected("short password", "at least 15");
        assertRejected("x".repeat(64) + "y".repeat(65), "at most 128");
        assertRejected("passwordpassword", "common");
        assertRejected("password1234567890", "common");
    }

    @Test
    void unicodeAndSpacesAreAcceptedUpToTheLimits() {
        String unicode = uniqueEmail();
        String passphrase = "Grüße, 世界! 🦊 tiny otters";
        register(unicode, passphrase, "Uni").expectStatus().isCreated();
        login(unicode, passphrase).expectStatus().isOk();

        String ascii = uniqueEmail();
        String seventyTwoBytes = "a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9";
        assertThat(seventyTwoBytes.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(71);
        register(ascii, seventyTwoBytes + "?", "Long").expectStatus().isCreated();
        login(ascii, seventyTwoBytes + "?").expectStatus().isOk();
        login(ascii, seventyTwoBytes + "?" + "extra").expectStatus().isUnauthorized();
    }

    @Test
    void refusesOnTheEmailFieldAnAddressMemberWouldRejectAndCreatesNoAccount() {
        // auth's old rule accepted it; member rejected it, and the 400 then named the
        // "name" field
        String email = "jörg-" + java.util.UUID.randomUUID() + "@example.com";
        MEMBER.answerCreateWith(400);
        try {
            register(email, PASSWORD, "Jörg").expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("email")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be a valid email address");
        }
        finally {
            MEMBER.answerCreateWith(201);
        }
        assertThat(accounts.countByEmail(email).block()).isZero();
        assertThat(accounts.countByEmail(email.toLowerCase(java.util.Locale.ROOT)).block()).isZero();
        assertThat(MEMBER.callsFor(email)).isEmpty();
    }

    @Test
    void otherInvalidFieldsAreReportedTogether() {
        http.post()
            .uri("/api/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", "nope", "password", "x"))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[?(@.field == 'email')]")
            .exists()
            .jsonPath("$.errors[?(@.field == 'name')]")
            .exists()
            .jsonPath("$.errors[?(@.field == 'password')]")
            .exists();
    }

    @Test
    void malformedJsonIs400AndAWrongContentTypeIs415() {
        http.post()
            .uri("/api/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"email\": ")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(400);
        http.post()
            .uri("/api/auth/login")
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("email=a&password=b")
            .exchange()
            .expectStatus()
            .isEqualTo(415)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(415);
    }

    private void assertRejected(String password, String reason) {
        register(uniqueEmail(), password, "Pat").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("password")
            .jsonPath("$.errors[0].message")
            .value(message -> assertThat(message.toString()).contains(reason));
    }

}
