package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Token use: bearer on every gateway call, single-flight refresh, one refresh and retry
 * on 401, session end.
 */
class RefreshIT extends WebUiIT {

    @Test
    void concurrentRequestsWithExpiringTokenRefreshExactlyOnce() {
        stubs.expiresIn.set(10);
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        stubs.expiresIn.set(300);
        stubs.refreshDelayMillis.set(300);

        List<Integer> statuses = Flux.range(0, 12)
            .flatMap(i -> reactor.core.publisher.Mono
                .fromCallable(() -> browser
                    .send(HttpMethod.GET, "/api/echo?i=" + i, null, null, Map.of("Accept", "application/json"))
                    .getStatus()
                    .value())
                .subscribeOn(Schedulers.boundedElastic()), 12)
            .collectList()
            .block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(12).containsOnly(200);
        assertThat(stubs.refreshCalls.get()).isEqualTo(1);
        assertThat(stubs.reuseDetected.get()).isZero();
        assertThat(stubs.gatewayRequests("GET", "/api/echo")).hasSize(12)
            .allSatisfy(request -> assertThat(request.headers().get("authorization")).startsWith("Bearer "));
    }

    @Test
    void gatewayRejectingTheTokenLeadsToOneRefreshAndARetry() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        stubs.expireAllAccessTokens();

        EntityExchangeResult<String> home = browser.get("/");

        assertThat(home.getStatus().value()).isEqualTo(200);
        assertThat(home.getResponseBody()).contains("Welcome, Uma User");
        assertThat(stubs.refreshCalls.get()).isEqualTo(1);
        assertThat(stubs.gatewayRequests("GET", "/api/home")).hasSize(2);
        assertThat(browser.get("/").getStatus().value()).isEqualTo(200);
        assertThat(stubs.refreshCalls.get()).isEqualTo(1);
    }

    @Test
    void refusedRefreshEndsTheSessionAndKeepsTheWantedPage() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        String sessionId = browser.sessionId();
        stubs.expireAllAccessTokens();
        stubs.rejectRefresh.set(true);

        EntityExchangeResult<String> page = browser.get("/profile");

        assertThat(page.getStatus().value()).isEqualTo(302);
        assertThat(page.getResponseHeaders().getLocation()).hasToString("/login?next=/profile");
        assertThat(sessionExists(sessionId)).isFalse();
    }

    @Test
    void refusedRefreshOnHtmxRequestAnswers401WithHxRedirect() {
        Browser browser = loggedIn(StubUpstreams.ADMIN_EMAIL);
        stubs.expireAllAccessTokens();
        stubs.rejectRefresh.set(true);

        EntityExchangeResult<String> fragment = browser.get("/members?q=x", Map.of("HX-Request", "true"));

        assertThat(fragment.getStatus().value()).isEqualTo(401);
        assertThat(fragment.getResponseHeaders().getFirst("HX-Redirect")).isEqualTo("/login");
    }

    @Test
    void loginAfterSessionEndReturnsToTheWantedPage() {
        Browser browser = browser();
        browser.get("/login?next=/profile");

        EntityExchangeResult<String> login = browser.post("/login", Map.of("email", StubUpstreams.USER_EMAIL,
                "password", StubUpstreams.PASSWORD, "next", "/profile", "_csrf", browser.csrf()));

        assertThat(login.getResponseHeaders().getLocation()).hasToString("/profile");
    }

}
