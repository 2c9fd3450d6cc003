package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * C7, C8: session-bound CSRF tokens on every state-changing request, including login and
 * logout.
 */
class CsrfIT extends WebUiIT {

    @Test
    void loginWithoutTokenIsForbiddenAndDoesNotLogIn() {
        Browser browser = browser();
        browser.get("/login");

        EntityExchangeResult<String> login = browser.post("/login",
                Map.of("email", StubUpstreams.USER_EMAIL, "password", StubUpstreams.PASSWORD));

        assertThat(login.getStatus().value()).isEqualTo(403);
        assertThat(browser.get("/profile").getStatus().value()).isEqualTo(302);
    }

    @Test
    void loginWithWrongTokenIsForbidden() {
        Browser browser = browser();
        browser.get("/login");

        EntityExchangeResult<String> login = browser.post("/login", Map.of("email", StubUpstreams.USER_EMAIL,
                "password", StubUpstreams.PASSWORD, "_csrf", "not-the-token"));

        assertThat(login.getStatus().value()).isEqualTo(403);
    }

    @Test
    void tokenFromAnotherSessionIsForbiddenAndCreatesNothing() {
        Browser victim = loggedIn(StubUpstreams.ADMIN_EMAIL);
        Browser attacker = browser();
        attacker.get("/login");

        EntityExchangeResult<String> create = victim.post("/members",
                Map.of("email", "x@example.com", "name", "Forged", "idempotencyKey", "k1", "_csrf", attacker.csrf()));

        assertThat(create.getStatus().value()).isEqualTo(403);
        assertThat(stubs.gatewayRequests("POST", "/api/members")).isEmpty();
    }

    @Test
    void htmxRequestWithoutHeaderTokenIsForbidden() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);

        EntityExchangeResult<String> delete = admin.send(HttpMethod.DELETE, "/members/" + StubUpstreams.MEMBER_ID, null,
                null, Map.of("HX-Request", "true"));

        assertThat(delete.getStatus().value()).isEqualTo(403);
        assertThat(stubs.gatewayRequests("DELETE", "/api/members")).isEmpty();
    }

    @Test
    void htmxRequestWithHeaderTokenIsAccepted() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);
        admin.get("/members");

        EntityExchangeResult<String> delete = admin.send(HttpMethod.DELETE, "/members/" + StubUpstreams.MEMBER_ID, null,
                null, Map.of("HX-Request", "true", "X-CSRF-TOKEN", admin.csrf()));

        assertThat(delete.getStatus().value()).isEqualTo(200);
        assertThat(stubs.gatewayRequests("DELETE", "/api/members/" + StubUpstreams.MEMBER_ID)).hasSize(1);
    }

    @Test
    void apiProxyPostWithoutTokenIsForbidden() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);

        EntityExchangeResult<String> post = user.send(HttpMethod.POST, "/api/echo", "application/json", "{}", Map.of());

        assertThat(post.getStatus().value()).isEqualTo(403);
        assertThat(stubs.gatewayRequests("POST", "/api/echo")).isEmpty();
    }

    @Test
    void formsCarryTheTokenAsHiddenFieldButNeverInUrls() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);

        String page = admin.get("/members").getResponseBody();

        assertThat(page).contains("<input type=\"hidden\" name=\"_csrf\"");
        assertThat(page).doesNotContain("_csrf=");
        assertThat(page).contains("<meta name=\"csrf-header\" content=\"X-CSRF-TOKEN\">");
    }

}
