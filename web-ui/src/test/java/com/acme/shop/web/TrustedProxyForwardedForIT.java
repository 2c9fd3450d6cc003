package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a trusted proxy (TRUSTED_PROXIES; here the test client's loopback address), the
 * browser's address sent to auth is the rightmost untrusted entry of the proxy's
 * {@code X-Forwarded-For}, so each browser gets its own bucket at auth's per-IP limiter.
 * (Untrusted peers: {@link ForwardedForIT}.)
 */
@TestPropertySource(properties = "shop.trusted-proxies=127.0.0.1/32,::1/128")
class TrustedProxyForwardedForIT extends WebUiIT {

    @Test
    void aTrustedProxysForwardedForNamesTheBrowserOnEveryCallToAuth() {
        Map<String, String> viaProxy = Map.of("X-Forwarded-For", "203.0.113.9");
        Browser browser = browser();
        browser.get("/login", viaProxy);
        browser.post("/login",
                Map.of("email", StubUpstreams.USER_EMAIL, "password", StubUpstreams.PASSWORD, "_csrf", browser.csrf()),
                viaProxy);
        stubs.expireAllAccessTokens();
        browser.get("/", viaProxy);
        browser.post("/logout", browser.csrfForm(), viaProxy);

        assertThat(stubs.authRequests()).extracting(request -> request.uri())
            .containsExactly("/api/auth/login", "/api/auth/refresh", "/api/auth/logout");
        assertThat(stubs.authRequests())
            .allSatisfy(request -> assertThat(request.headers().get("x-forwarded-for")).isEqualTo("203.0.113.9"));
    }

    @Test
    void theClientIsTheRightmostAddressThatIsNotATrustedProxy() {
        Browser browser = browser();
        Map<String, String> chain = Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 127.0.0.1");
        browser.get("/login", chain);
        browser.post("/login",
                Map.of("email", StubUpstreams.USER_EMAIL, "password", StubUpstreams.PASSWORD, "_csrf", browser.csrf()),
                chain);

        assertThat(stubs.authRequests("/api/auth/login")).singleElement()
            .satisfies(request -> assertThat(request.headers().get("x-forwarded-for")).isEqualTo("203.0.113.7"));
    }

    @Test
    void aMalformedEntryStopsTheWalkSoTheClientCannotPickItsAddress() {
        Browser browser = browser();
        Map<String, String> spoofed = Map.of("X-Forwarded-For", "198.51.100.1, not-an-address, 203.0.113.8");
        browser.get("/login", spoofed);
        browser.post("/login",
                Map.of("email", StubUpstreams.USER_EMAIL, "password", StubUpstreams.PASSWORD, "_csrf", browser.csrf()),
                spoofed);

        assertThat(stubs.authRequests("/api/auth/login")).singleElement()
            .satisfies(request -> assertThat(request.headers().get("x-forwarded-for")).isEqualTo("203.0.113.8"));
    }

}
