package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.acme.shop.common.testing.StubServer.Request;

/**
 * Direct calls to auth carry the browser's address as {@code X-Forwarded-For} (auth's
 * per-IP limiter, B14, trusts the last entry), never an {@code X-Forwarded-For} the
 * browser sent itself.
 */
class ForwardedForIT extends WebUiIT {

    private static final Map<String, String> SPOOFED = Map.of("X-Forwarded-For", "203.0.113.9");

    @Test
    void everyCallToAuthCarriesTheBrowsersAddressOnly() {
        Browser browser = browser();
        browser.get("/register", SPOOFED);
        browser.post("/register", Map.of("email", "xff@example.com", "name", "Xavier", "password",
                "a long enough passphrase", "_csrf", browser.csrf()), SPOOFED);
        stubs.expireAllAccessTokens();
        browser.get("/profile", SPOOFED);
        browser.post("/profile/password", Map.of("current_password", "a long enough passphrase", "new_password",
                "another long enough passphrase", "_csrf", browser.csrf()), SPOOFED);
        Browser again = browser();
        again.get("/login", SPOOFED);
        again.post("/login",
                Map.of("email", "xff@example.com", "password", "another long enough passphrase", "_csrf", again.csrf()),
                SPOOFED);
        again.get("/", SPOOFED);
        again.post("/logout", again.csrfForm(), SPOOFED);

        for (String path : List.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/password",
                "/api/auth/logout")) {
            assertThat(stubs.authRequests(path)).as(path)
                .isNotEmpty()
                .allSatisfy(
                        request -> assertThat(forwardedFor(request)).as(path).satisfies(ForwardedForIT::isLoopback));
        }
    }

    @Test
    void aLoginSendsTheBrowsersAddressWhenTheBrowserSentNone() {
        loggedIn(StubUpstreams.USER_EMAIL);

        assertThat(stubs.authRequests("/api/auth/login")).singleElement()
            .satisfies(request -> assertThat(forwardedFor(request)).satisfies(ForwardedForIT::isLoopback));
    }

    private static String forwardedFor(Request request) {
        return request.headers().get("x-forwarded-for");
    }

    private static void isLoopback(String address) {
        assertThat(address).isNotBlank().doesNotContain(",").doesNotContain("203.0.113.9");
        try {
            assertThat(InetAddress.getByName(address).isLoopbackAddress()).as(address).isTrue();
        }
        catch (UnknownHostException ex) {
            throw new AssertionError("not an IP address: " + address, ex);
        }
    }

}
