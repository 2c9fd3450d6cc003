package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import com.acme.shop.common.testing.StubServer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * B9: the {@code /api/**} proxy never forwards auth's API (its answers carry tokens) to
 * page scripts, in any spelling of the path and with any method: 404, and the gateway
 * sees nothing.
 */
class ApiAuthBlockedIT extends WebUiIT {

    static final List<String> AUTH_PATHS = List.of("/api/auth/login", "/api/auth/refresh", "/api/auth/register",
            "/api/auth/logout", "/api/auth/verify", "/api/auth/password", "/api/auth", "/api/auth/", "/api/auth/login/",
            "/api/auth/login?x=1", "/api//auth/login", "/api///auth/refresh", "/api/%61uth/login",
            "/api/%2561uth/login", "/api/auth%2Flogin", "/api/auth%2flogin", "/api%2Fauth%2Flogin",
            "/api%5Cauth%5Clogin", "/api/./auth/login", "/api/x/../auth/login", "/api/members/%2e%2e/auth/login",
            "/api/%2e/auth/login", "/api/AUTH/login", "/api/Auth/Refresh", "/API/auth/login", "/%61pi/auth/login",
            "/api/auth;x=1/login", "/api;x=1/auth/login", "/api/auth%3Bx/login", "/api/%20auth/login");
    static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.HEAD);

    @Test
    void authApiIsNotFoundInEverySpellingAndMethodWithASessionAndCsrfToken() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        user.get("/");
        stubs.reset();

        SoftAssertions softly = new SoftAssertions();
        for (String path : AUTH_PATHS) {
            for (HttpMethod method : METHODS) {
                EntityExchangeResult<byte[]> result = client().method(method)
                    .uri(URI.create("http://localhost:" + port + path))
                    .header(HttpHeaders.COOKIE, COOKIE + "=" + user.sessionId())
                    .header("X-CSRF-TOKEN", user.csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"email\":\"" + StubUpstreams.USER_EMAIL + "\",\"password\":\""
                            + StubUpstreams.PASSWORD + "\"}")
                    .exchange()
                    .expectBody()
                    .returnResult();
                softly.assertThat(result.getStatus().value()).as(method + " " + path).isEqualTo(404);
                if (method != HttpMethod.HEAD) {
                    softly
                        .assertThat(new String(result.getResponseBodyContent() == null ? new byte[0]
                                : result.getResponseBodyContent()))
                        .as(method + " " + path)
                        .doesNotContain("access_token")
                        .doesNotContain("refresh_token");
                }
            }
        }
        EntityExchangeResult<byte[]> nul = client().get()
            .uri(URI.create("http://localhost:" + port + "/api/auth%00/login"))
            .header(HttpHeaders.COOKIE, COOKIE + "=" + user.sessionId())
            .exchange()
            .expectBody()
            .returnResult();
        softly.assertThat(nul.getStatus().value()).as("NUL in the path: refused by the server itself").isEqualTo(400);
        softly.assertAll();
        assertThat(stubs.gatewayRequests()).isEmpty();
        assertThat(stubs.authRequests()).isEmpty();
    }

    @Test
    void authApiIsNotFoundWithoutASession() {
        SoftAssertions softly = new SoftAssertions();
        for (String path : AUTH_PATHS) {
            for (HttpMethod method : METHODS) {
                EntityExchangeResult<byte[]> result = client().method(method)
                    .uri(URI.create("http://localhost:" + port + path))
                    .exchange()
                    .expectBody()
                    .returnResult();
                softly.assertThat(result.getStatus().value()).as(method + " " + path).isEqualTo(404);
            }
        }
        softly.assertAll();
        assertThat(stubs.gatewayRequests()).isEmpty();
    }

    @Test
    void otherApiPathsAreStillProxiedIncludingOnesThatOnlyStartWithAuth() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        user.get("/");
        stubs.reset();

        EntityExchangeResult<String> members = user.send(HttpMethod.GET, "/api/members/me", null, null,
                java.util.Map.of("Accept", "application/json"));
        EntityExchangeResult<String> authors = user.send(HttpMethod.GET, "/api/authors", null, null,
                java.util.Map.of("Accept", "application/json"));
        EntityExchangeResult<String> trailing = user.send(HttpMethod.GET, "/api/members/", null, null,
                java.util.Map.of("Accept", "application/json"));

        assertThat(members.getStatus().value()).isEqualTo(200);
        assertThat(authors.getStatus().value()).isEqualTo(404);
        assertThat(trailing.getStatus().value()).isEqualTo(404);
        assertThat(stubs.gatewayRequests()).extracting(StubServer.Request::uri)
            .containsExactly("/api/members/me", "/api/authors", "/api/members/");
    }

}
