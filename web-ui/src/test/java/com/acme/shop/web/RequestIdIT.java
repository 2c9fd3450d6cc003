package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.acme.shop.common.testing.StubServer.Request;

/**
 * Every call web-ui makes to auth and to the gateway (pages and the {@code /api/**}
 * proxy) carries the {@code X-Request-Id} of the browser request it serves: the one the
 * browser sent, else the one web-ui gave it.
 */
class RequestIdIT extends WebUiIT {

    private static final String HEADER = "X-Request-Id";

    @Test
    void aLoginCarriesTheBrowsersRequestIdToAuth() {
        Browser browser = browser();
        browser.get("/login");

        browser.post("/login",
                Map.of("email", StubUpstreams.USER_EMAIL, "password", StubUpstreams.PASSWORD, "_csrf", browser.csrf()),
                Map.of(HEADER, "login-request-1"));

        assertThat(stubs.authRequests("/api/auth/login")).singleElement()
            .satisfies(request -> assertThat(requestId(request)).isEqualTo("login-request-1"));
    }

    @Test
    void aTokenRefreshCarriesTheRequestIdOfTheRequestThatNeededIt() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        stubs.expireAllAccessTokens();

        browser.get("/profile", Map.of(HEADER, "refresh-request-1"));

        assertThat(stubs.authRequests("/api/auth/refresh")).singleElement()
            .satisfies(request -> assertThat(requestId(request)).isEqualTo("refresh-request-1"));
    }

    @Test
    void pageAndProxyCallsCarryTheRequestIdToTheGateway() {
        Browser browser = loggedIn(StubUpstreams.ADMIN_EMAIL);

        browser.get("/", Map.of(HEADER, "home-request-1"));
        browser.send(HttpMethod.GET, "/api/echo", null, null,
                Map.of(HEADER, "proxy-request-1", "Accept", "application/json"));

        assertThat(stubs.gatewayRequests("GET", "/api/home")).singleElement()
            .satisfies(request -> assertThat(requestId(request)).isEqualTo("home-request-1"));
        assertThat(stubs.gatewayRequests("GET", "/api/echo")).singleElement()
            .satisfies(request -> assertThat(requestId(request)).isEqualTo("proxy-request-1"));
    }

    @Test
    void aRequestWithoutAnIdSendsTheIdWebUiGaveIt() {
        Browser browser = loggedIn(StubUpstreams.ADMIN_EMAIL);

        EntityExchangeResult<String> page = browser.get("/members");

        String given = page.getResponseHeaders().getFirst(HEADER);
        assertThat(given).isNotBlank();
        assertThat(stubs.gatewayRequests("GET", "/api/members")).singleElement()
            .satisfies(request -> assertThat(requestId(request)).isEqualTo(given));
    }

    private static String requestId(Request request) {
        return request.headers().get("x-request-id");
    }

}
