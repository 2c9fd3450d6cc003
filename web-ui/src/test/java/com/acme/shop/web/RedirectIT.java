package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * C11: after login the saved request or {@code /}; a {@code next} only when it is a safe
 * local path.
 */
class RedirectIT extends WebUiIT {

    @Test
    void loginReturnsToTheSavedRequest() {
        Browser browser = browser();
        assertThat(browser.get("/members?q=mia").getResponseHeaders().getLocation()).hasToString("/login");

        EntityExchangeResult<String> login = browser.login(StubUpstreams.ADMIN_EMAIL, StubUpstreams.PASSWORD);

        assertThat(login.getResponseHeaders().getLocation()).hasToString("/members?q=mia");
    }

    @Test
    void loginWithoutSavedRequestGoesHome() {
        EntityExchangeResult<String> login = browser().login(StubUpstreams.USER_EMAIL, StubUpstreams.PASSWORD);

        assertThat(login.getResponseHeaders().getLocation()).hasToString("/");
    }

    @Test
    void safeNextIsFollowed() {
        EntityExchangeResult<String> login = loginWithNext("/profile");

        assertThat(login.getResponseHeaders().getLocation()).hasToString("/profile");
    }

    @ParameterizedTest
    @ValueSource(strings = { "//evil.example", "/\\evil.example", "https://evil.example", "/%2F%2Fevil.example",
            "javascript:alert(1)", "evil.example", "/\tevil" })
    void unsafeNextGoesHome(String next) {
        EntityExchangeResult<String> login = loginWithNext(next);

        assertThat(login.getStatus().value()).isEqualTo(302);
        assertThat(login.getResponseHeaders().getLocation()).hasToString("/");
    }

    @Test
    void wrongPasswordShowsGenericErrorOnTheLoginPage() {
        Browser browser = browser();
        EntityExchangeResult<String> login = browser.login(StubUpstreams.USER_EMAIL, "wrong password entirely");

        assertThat(login.getResponseHeaders().getLocation()).hasToString("/login?error");
        assertThat(browser.get("/login?error").getResponseBody())
            .containsPattern("role=\"alert\"[^>]*>Invalid email or password<");
    }

    @Test
    void throttledLoginShowsReadableMessage() {
        Browser browser = browser();
        EntityExchangeResult<String> login = browser.login("throttled@shop.local", StubUpstreams.PASSWORD);

        assertThat(login.getResponseHeaders().getLocation()).hasToString("/login?error=throttled");
        assertThat(browser.get("/login?error=throttled").getResponseBody()).contains("Too many login attempts");
    }

    @Test
    void unreachableAuthShowsReadableMessage() {
        Browser browser = browser();
        EntityExchangeResult<String> login = browser.login("down@shop.local", StubUpstreams.PASSWORD);

        assertThat(login.getResponseHeaders().getLocation()).hasToString("/login?error=unavailable");
        assertThat(browser.get("/login?error=unavailable").getResponseBody())
            .contains("Login is temporarily unavailable");
    }

    private EntityExchangeResult<String> loginWithNext(String next) {
        Browser browser = browser();
        browser.get("/login");
        return browser.post("/login", Map.of("email", StubUpstreams.USER_EMAIL, "password", StubUpstreams.PASSWORD,
                "next", next, "_csrf", browser.csrf()));
    }

}
