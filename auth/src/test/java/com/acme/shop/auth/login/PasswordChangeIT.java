package com.acme.shop.auth.login;

import java.time.Duration;
import java.util.Map;

import com.acme.shop.auth.AuthItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * B12: a password change revokes every session of the user; the current password is
 * checked like a login.
 */
class PasswordChangeIT extends AuthItSupport {

    private static final String NEW_PASSWORD = "violet heron reads by lamplight";

    @Test
    @SuppressWarnings("unchecked")
    void changingThePasswordRevokesEveryFamilyAndTheOldPassword(@Autowired DatabaseClient db) {
        String email = uniqueEmail();
        Map<String, Object> laptop = registeredAndLoggedIn(email);
        Map<String, Object> phone = login(email, PASSWORD).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        Map<String, Object> laptopRefreshed = refresh((String) laptop.get("refresh_token")).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String presented = (String) laptopRefreshed.get("access_token");

        changePassword(presented, PASSWORD, NEW_PASSWORD).expectStatus()
            .isNoContent()
            .expectHeader()
            .valueEquals("Cache-Control", "no-store");

        refresh((String) laptopRefreshed.get("refresh_token")).expectStatus().isUnauthorized();
        refresh((String) phone.get("refresh_token")).expectStatus().isUnauthorized();
        for (Map<String, Object> tokens : new Map[] { laptop, laptopRefreshed, phone }) {
            verify((String) tokens.get("access_token")).expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value("WWW-Authenticate", value -> assertThat(value).contains("invalid_token"));
        }
        login(email, PASSWORD).expectStatus().isUnauthorized();
        String fresh = (String) login(email, NEW_PASSWORD).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("access_token");
        verify(fresh).expectStatus().isOk();
        assertThat(db.sql("SELECT password_changed_at FROM auth.accounts WHERE email = :email")
            .bind("email", email)
            .map(row -> row.get("password_changed_at", java.time.OffsetDateTime.class))
            .one()
            .block()).isNotNull();
    }

    @Test
    void aWrongCurrentPasswordIs401AndChangesNothing() {
        String email = uniqueEmail();
        Map<String, Object> tokens = registeredAndLoggedIn(email);

        changePassword((String) tokens.get("access_token"), "not the current password", NEW_PASSWORD).expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Invalid username or password");

        verify((String) tokens.get("access_token")).expectStatus().isOk();
        refresh((String) tokens.get("refresh_token")).expectStatus().isOk();
        login(email, NEW_PASSWORD).expectStatus().isUnauthorized();
        login(email, PASSWORD).expectStatus().isOk();
    }

    @Test
    void missingFieldsAre400NamedAsTheClientSentThem() {
        String accessToken = (String) registeredAndLoggedIn(uniqueEmail()).get("access_token");

        http.post()
            .uri("/api/auth/password")
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> h.setBearerAuth(accessToken))
            .bodyValue(Map.of())
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors.length()")
            .isEqualTo(2)
            .jsonPath("$.errors[0].field")
            .isEqualTo("current_password")
            .jsonPath("$.errors[0].message")
            .isEqualTo("must not be blank")
            .jsonPath("$.errors[1].field")
            .isEqualTo("new_password")
            .jsonPath("$.errors[1].message")
            .isEqualTo("Password must not be empty");
        http.post()
            .uri("/api/auth/refresh")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("refresh_token", " "))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors.length()")
            .isEqualTo(1)
            .jsonPath("$.errors[0].field")
            .isEqualTo("refresh_token")
            .jsonPath("$.errors[0].message")
            .isEqualTo("must not be blank");
        verify(accessToken).expectStatus().isOk();
    }

    @Test
    void aWeakNewPasswordIs400WithTheFieldErrorAndChangesNothing() {
        String email = uniqueEmail();
        String accessToken = (String) registeredAndLoggedIn(email).get("access_token");

        for (String weak : new String[] { "short", "password1234567890", "é".repeat(40) }) {
            changePassword(accessToken, PASSWORD, weak).expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("new_password")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat(message.toString()).startsWith("Password "));
        }

        verify(accessToken).expectStatus().isOk();
        login(email, PASSWORD).expectStatus().isOk();
    }

    @Test
    void failedChecksThrottleTheAccountLikeFailedLogins() {
        String email = uniqueEmail();
        String accessToken = (String) registeredAndLoggedIn(email).get("access_token");
        byte[] generic = null;
        for (int i = 0; i < 5; i++) {
            generic = changePassword(accessToken, "wrong current password " + i, NEW_PASSWORD).expectStatus()
                .isUnauthorized()
                .expectBody()
                .returnResult()
                .getResponseBody();
        }

        byte[] throttled = changePassword(accessToken, PASSWORD, NEW_PASSWORD).expectStatus()
            .isUnauthorized()
            .expectBody()
            .returnResult()
            .getResponseBody();
        assertThat(throttled).isEqualTo(generic);
        login(email, PASSWORD).expectStatus().isUnauthorized();

        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(150))
            .untilAsserted(() -> changePassword(accessToken, PASSWORD, NEW_PASSWORD).expectStatus().isNoContent());
        login(email, NEW_PASSWORD).expectStatus().isOk();
    }

    @Test
    void withoutABearerTokenTheChangeIsRefused() {
        String email = uniqueEmail();
        registeredAndLoggedIn(email);

        http.post()
            .uri("/api/auth/password")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals("WWW-Authenticate", "Bearer");
        login(email, PASSWORD).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec changePassword(String accessToken, String current, String next) {
        return http.post()
            .uri("/api/auth/password")
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> h.setBearerAuth(accessToken))
            .bodyValue(Map.of("current_password", current, "new_password", next))
            .exchange();
    }

}
