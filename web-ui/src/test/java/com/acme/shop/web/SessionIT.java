package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * C1–C5: cookie attributes, strict session ids, renewal at login, expired/missing session
 * answers.
 */
class SessionIT extends WebUiIT {

    @Autowired
    ReactiveRedisSessionRepository sessionRepository;

    @Test
    void sessionCookieHasExactlyTheRequiredAttributes() {
        EntityExchangeResult<String> page = browser().get("/login");

        String setCookie = sessionCookieHeader(page);
        assertThat(setCookie).matches("SID=[A-Za-z0-9-]{32,}; Path=/; HttpOnly; SameSite=Lax");
        assertThat(setCookie).doesNotContainIgnoringCase("domain")
            .doesNotContainIgnoringCase("max-age")
            .doesNotContainIgnoringCase("expires")
            .doesNotContainIgnoringCase("secure");
    }

    @Test
    void sessionExpiresInRedisAfterThirtyIdleMinutes() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);

        Duration ttl = redis.getExpire("shop:web:session:sessions:" + browser.sessionId()).block();

        assertThat(ttl).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
    }

    @Test
    void unknownSessionIdIsNeverAdopted() {
        Browser browser = browser().withSessionId("attacker-chosen-session-id-0123456789");

        EntityExchangeResult<String> page = browser.get("/login");

        assertThat(browser.sessionId()).isNotNull().isNotEqualTo("attacker-chosen-session-id-0123456789");
        assertThat(sessionExists("attacker-chosen-session-id-0123456789")).isFalse();
        assertThat(sessionCookieHeader(page)).doesNotContain("attacker-chosen");
    }

    @Test
    void loginIssuesNewSessionIdAndOldIdIsDead() {
        Browser browser = browser();
        browser.get("/login");
        String before = browser.sessionId();

        EntityExchangeResult<String> login = browser.post("/login",
                Map.of("email", StubUpstreams.USER_EMAIL, "password", StubUpstreams.PASSWORD, "_csrf", browser.csrf()));

        assertThat(login.getStatus().value()).isEqualTo(302);
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(sessionExists(before)).isFalse();
        assertThat(browser().withSessionId(before).get("/profile").getStatus().value()).isEqualTo(302);
        assertThat(browser.get("/profile").getStatus().value()).isEqualTo(200);
    }

    @Test
    void tokensNeverReachTheBrowser() {
        Browser browser = browser();
        EntityExchangeResult<String> login = browser.login(StubUpstreams.USER_EMAIL, StubUpstreams.PASSWORD);
        EntityExchangeResult<String> home = browser.get("/");

        String everything = login.getResponseHeaders() + home.getResponseHeaders().toString() + home.getResponseBody();
        stubs.validAccessTokens.keySet().forEach(token -> assertThat(everything).doesNotContain(token));
        assertThat(everything).doesNotContain("refresh_token").doesNotContain("Bearer");
    }

    @Test
    void pageWithoutSessionRedirectsToLogin() {
        EntityExchangeResult<String> page = browser().get("/profile");

        assertThat(page.getStatus().value()).isEqualTo(302);
        assertThat(page.getResponseHeaders().getLocation()).hasToString("/login");
    }

    @Test
    void htmxRequestWithoutSessionGets401WithHxRedirect() {
        EntityExchangeResult<String> fragment = browser().get("/members?q=a", Map.of("HX-Request", "true"));

        assertThat(fragment.getStatus().value()).isEqualTo(401);
        assertThat(fragment.getResponseHeaders().getFirst("HX-Redirect")).isEqualTo("/login");
        assertThat(fragment.getResponseHeaders().getLocation()).isNull();
    }

    @Test
    void apiProxyWithoutSessionGets401Problem() {
        EntityExchangeResult<String> api = browser().get("/api/home", Map.of("Accept", "application/json"));

        assertThat(api.getStatus().value()).isEqualTo(401);
        assertThat(api.getResponseHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(stubs.gatewayRequests()).isEmpty();
    }

    @Test
    void userWithoutAdminRoleGetsAccessDeniedPage() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);

        EntityExchangeResult<String> page = browser.get("/members");

        assertThat(page.getStatus().value()).isEqualTo(403);
        assertThat(page.getResponseBody()).contains("<h1>Access denied</h1>");
    }

    @Test
    void unknownPageGetsNotFoundPage() {
        EntityExchangeResult<String> page = loggedIn(StubUpstreams.USER_EMAIL).get("/no-such-page");

        assertThat(page.getStatus().value()).isEqualTo(404);
        assertThat(page.getResponseBody()).contains("<h1>Not found</h1>");
    }

    @Test
    void sessionOlderThanTheAbsoluteTimeoutIsEnded() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        String sessionId = browser.sessionId();
        long thirteenHoursAgo = Instant.now().minus(Duration.ofHours(13)).toEpochMilli();
        sessionRepository.getSessionRedisOperations()
            .opsForHash()
            .put("shop:web:session:sessions:" + sessionId, "creationTime", thirteenHoursAgo)
            .block();

        EntityExchangeResult<String> page = browser.get("/profile");

        assertThat(page.getStatus().value()).isEqualTo(302);
        assertThat(page.getResponseHeaders().getLocation().toString()).startsWith("/login");
        assertThat(sessionExists(sessionId)).isFalse();
    }

    @Test
    void sessionYoungerThanTheAbsoluteTimeoutIsKept() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        long elevenHoursAgo = Instant.now().minus(Duration.ofHours(11)).toEpochMilli();
        sessionRepository.getSessionRedisOperations()
            .opsForHash()
            .put("shop:web:session:sessions:" + browser.sessionId(), "creationTime", elevenHoursAgo)
            .block();

        assertThat(browser.get("/profile").getStatus().value()).isEqualTo(200);
    }

    static String sessionCookieHeader(EntityExchangeResult<String> result) {
        List<String> cookies = result.getResponseHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).isNotNull();
        return cookies.stream().filter(c -> c.startsWith(COOKIE + "=")).findFirst().orElseThrow();
    }

}
