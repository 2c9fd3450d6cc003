package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The profile page's password change form: calls auth with the session's token, then ends
 * the session (B12).
 */
class PasswordChangeIT extends WebUiIT {

    private static final String NEW_PASSWORD = "a brand new long passphrase";

    @Test
    void profileShowsTheChangePasswordForm() {
        String page = loggedIn(StubUpstreams.USER_EMAIL).get("/profile").getResponseBody();

        assertThat(page).contains("action=\"/profile/password\"")
            .contains("hx-post=\"/profile/password\"")
            .containsPattern(
                    "<label for=\"current_password\">Current password</label>\\s*<input id=\"current_password\" name=\"current_password\" type=\"password\"")
            .containsPattern(
                    "<label for=\"new_password\">New password</label>\\s*<input id=\"new_password\" name=\"new_password\" type=\"password\"")
            .contains(">Change password</button>")
            .containsPattern("(?s)id=\"password-form\".*name=\"_csrf\".*</form>");
    }

    @Test
    void changingThePasswordEndsTheSessionAndAsksToLogInAgain() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        browser.get("/profile");
        String sessionId = browser.sessionId();

        EntityExchangeResult<String> change = browser.post("/profile/password", Map.of("current_password",
                StubUpstreams.PASSWORD, "new_password", NEW_PASSWORD, "_csrf", browser.csrf()));

        assertThat(change.getStatus().value()).isEqualTo(303);
        assertThat(change.getResponseHeaders().getLocation()).hasToString("/login?password-changed");
        assertThat(change.getResponseHeaders().get(HttpHeaders.SET_COOKIE))
            .containsExactly("SID=; Max-Age=0; Path=/; HttpOnly");
        assertThat(stubs.authRequests("/api/auth/password")).singleElement()
            .satisfies(request -> assertThat(request.headers().get("authorization")).startsWith("Bearer "));
        assertThat(sessionExists(sessionId)).isFalse();
        EntityExchangeResult<String> replay = browser().withSessionId(sessionId).get("/profile");
        assertThat(replay.getStatus().value()).isEqualTo(302);
        assertThat(replay.getResponseHeaders().getLocation()).hasToString("/login");

        Browser again = browser();
        assertThat(again.get("/login?password-changed").getResponseBody())
            .contains("role=\"status\">Password changed. Please log in again.<");
        assertThat(again.login(StubUpstreams.USER_EMAIL, StubUpstreams.PASSWORD).getResponseHeaders().getLocation())
            .hasToString("/login?error");
        assertThat(again.login(StubUpstreams.USER_EMAIL, NEW_PASSWORD).getResponseHeaders().getLocation())
            .hasToString("/");
    }

    @Test
    void withHtmxASuccessfulChangeRedirectsViaHxRedirect() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        browser.get("/profile");
        String sessionId = browser.sessionId();

        EntityExchangeResult<String> change = browser.post("/profile/password",
                Map.of("current_password", StubUpstreams.PASSWORD, "new_password", NEW_PASSWORD),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", browser.csrf()));

        assertThat(change.getStatus().value()).isEqualTo(200);
        assertThat(change.getResponseHeaders().getFirst("HX-Redirect")).isEqualTo("/login?password-changed");
        assertThat(change.getResponseBody()).doesNotContain("<html").contains("role=\"status\"");
        assertThat(sessionExists(sessionId)).isFalse();
    }

    @Test
    void aWrongCurrentPasswordIsShownNextToTheFieldAndKeepsTheSession() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        browser.get("/profile");

        EntityExchangeResult<String> change = browser.post("/profile/password",
                Map.of("current_password", "not my password", "new_password", NEW_PASSWORD, "_csrf", browser.csrf()));

        assertThat(change.getStatus().value()).isEqualTo(422);
        assertThat(change.getResponseBody()).contains("<h1>Your profile</h1>")
            .containsPattern(
                    "<input id=\"current_password\" name=\"current_password\" type=\"password\" value=\"\"[^>]*aria-invalid=\"true\"\\s+aria-describedby=\"current_password-error\"")
            .contains("<p class=\"field-error\" id=\"current_password-error\">Your current password is not correct.")
            .doesNotContain("not my password")
            .doesNotContain(NEW_PASSWORD);
        assertThat(stubs.refreshCalls.get()).isZero();
        assertThat(browser.get("/profile").getStatus().value()).isEqualTo(200);
    }

    @Test
    void authsFieldErrorsAreShownNextToTheFieldsWithAndWithoutHtmx() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        browser.get("/profile");

        EntityExchangeResult<String> page = browser.post("/profile/password", Map.of("current_password",
                StubUpstreams.PASSWORD, "new_password", "too short", "_csrf", browser.csrf()));
        EntityExchangeResult<String> fragment = browser.post("/profile/password",
                Map.of("current_password", StubUpstreams.PASSWORD, "new_password", "too short"),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", browser.csrf()));

        for (EntityExchangeResult<String> result : java.util.List.of(page, fragment)) {
            assertThat(result.getStatus().value()).isEqualTo(422);
            assertThat(result.getResponseBody()).contains(
                    "<p class=\"field-error\" id=\"new_password-error\">Password must be at least 15 characters long</p>")
                .containsPattern("<input id=\"new_password\"[^>]*aria-invalid=\"true\"");
        }
        assertThat(fragment.getResponseBody()).doesNotContain("<html").startsWith("<section id=\"password-panel\"");
        assertThat(browser.get("/profile").getStatus().value()).isEqualTo(200);
    }

    @Test
    void missingFieldsAreRejectedWithoutCallingAuth() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        browser.get("/profile");

        EntityExchangeResult<String> change = browser.post("/profile/password", Map.of("_csrf", browser.csrf()));

        assertThat(change.getStatus().value()).isEqualTo(422);
        assertThat(change.getResponseBody()).contains("id=\"current_password-error\">Enter your current password<")
            .contains("id=\"new_password-error\">Choose a new password<");
        assertThat(stubs.authRequests("/api/auth/password")).isEmpty();
    }

    @Test
    void aChangeWithoutCsrfTokenIsRefusedAndNothingChanges() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        browser.get("/profile");

        EntityExchangeResult<String> change = browser.post("/profile/password",
                Map.of("current_password", StubUpstreams.PASSWORD, "new_password", NEW_PASSWORD));

        assertThat(change.getStatus().value()).isEqualTo(403);
        assertThat(stubs.authRequests("/api/auth/password")).isEmpty();
        assertThat(browser.get("/profile").getStatus().value()).isEqualTo(200);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeTheChange() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        browser.get("/profile");
        stubs.expireAllAccessTokens();

        EntityExchangeResult<String> change = browser.post("/profile/password", Map.of("current_password",
                StubUpstreams.PASSWORD, "new_password", NEW_PASSWORD, "_csrf", browser.csrf()));

        assertThat(change.getResponseHeaders().getLocation()).hasToString("/login?password-changed");
        assertThat(stubs.refreshCalls.get()).isEqualTo(1);
        assertThat(stubs.authRequests("/api/auth/password")).hasSize(2);
    }

}
