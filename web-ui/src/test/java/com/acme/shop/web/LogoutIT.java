package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * C6: POST-only logout that revokes the tokens, deletes the session and clears the
 * browser.
 */
class LogoutIT extends WebUiIT {

    @Test
    void logoutRevokesTokensDeletesSessionAndClearsTheBrowser() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        browser.get("/");
        String sessionId = browser.sessionId();

        EntityExchangeResult<String> logout = browser.post("/logout", browser.csrfForm());

        assertThat(logout.getStatus().value()).isEqualTo(302);
        HttpHeaders headers = logout.getResponseHeaders();
        assertThat(headers.getLocation()).hasToString("/login?logout");
        assertThat(headers.get(HttpHeaders.SET_COOKIE)).containsExactly("SID=; Max-Age=0; Path=/; HttpOnly");
        assertThat(headers.getFirst("Clear-Site-Data")).isEqualTo("\"cache\",\"cookies\",\"storage\"");
        assertThat(headers.getCacheControl()).isEqualTo("no-store");
        assertThat(stubs.logoutCalls).hasSize(1);
        assertThat(String.valueOf(stubs.logoutCalls.get(0).get("authorization"))).startsWith("Bearer ");
        assertThat(sessionExists(sessionId)).isFalse();
        EntityExchangeResult<String> replay = browser().withSessionId(sessionId).get("/profile");
        assertThat(replay.getStatus().value()).isEqualTo(302);
        assertThat(replay.getResponseHeaders().getLocation()).hasToString("/login");
    }

    @Test
    void logoutWithoutCsrfTokenChangesNothing() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);

        EntityExchangeResult<String> logout = browser.post("/logout", Map.of());

        assertThat(logout.getStatus().value()).isEqualTo(403);
        assertThat(stubs.logoutCalls).isEmpty();
        assertThat(browser.get("/profile").getStatus().value()).isEqualTo(200);
    }

    @Test
    void getLogoutChangesNothing() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        String sessionId = browser.sessionId();

        EntityExchangeResult<String> page = browser.get("/logout");

        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(page.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(stubs.logoutCalls).isEmpty();
        assertThat(sessionExists(sessionId)).isTrue();
        assertThat(browser.get("/profile").getStatus().value()).isEqualTo(200);
    }

}
