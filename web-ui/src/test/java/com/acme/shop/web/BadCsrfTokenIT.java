package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * C7 with hostile tokens: every wrong, missing, truncated, undecodable or foreign CSRF
 * token gets 403 on every form, htmx and {@code /api/**} route and method (POST, PUT,
 * PATCH, DELETE), never a 5xx, and nothing changes. (Spring Security's XOR handler throws
 * on base64 that unmasks to invalid UTF-8: that used to be a 500.)
 */
class BadCsrfTokenIT extends WebUiIT {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final String MEMBER = "/members/" + StubUpstreams.MEMBER_ID;

    @Test
    void everyBadTokenOnEveryStateChangingRouteIsForbiddenAndChangesNothing() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);
        admin.get("/members");
        Browser anonymous = browser();
        anonymous.get("/login");
        Browser other = browser();
        other.get("/login");
        stubs.reset();

        SoftAssertions softly = new SoftAssertions();
        int requests = 0;
        for (Map.Entry<String, String> bad : badTokens(anonymous.csrf(), other.csrf()).entrySet()) {
            for (Map.Entry<String, Map<String, String>> form : anonymousForms().entrySet()) {
                requests++;
                check(softly, "form POST " + form.getKey() + " with " + bad.getKey(),
                        anonymous.post(form.getKey(), withToken(form.getValue(), bad.getValue())));
            }
        }
        for (Map.Entry<String, String> bad : badTokens(admin.csrf(), other.csrf()).entrySet()) {
            for (Map.Entry<String, Map<String, String>> form : adminForms().entrySet()) {
                requests++;
                check(softly, "form POST " + form.getKey() + " with " + bad.getKey(),
                        admin.post(form.getKey(), withToken(form.getValue(), bad.getValue())));
            }
            if (bad.getValue().length() > 6000 || bad.getValue().contains(" ")) {
                continue; // not sendable as a header: over the server's maximum header
                          // size (431), or refused by the client
            }
            Map<String, String> htmx = Map.of("HX-Request", "true", "X-CSRF-TOKEN", bad.getValue());
            Map<String, String> api = Map.of("X-CSRF-TOKEN", bad.getValue(), "Accept", "application/json");
            String memberForm = "email=mia%40example.com&name=Changed&phone=&version=3";
            requests += 8;
            check(softly, "htmx PUT with " + bad.getKey(),
                    admin.send(HttpMethod.PUT, MEMBER, "application/x-www-form-urlencoded", memberForm, htmx));
            check(softly, "htmx PATCH with " + bad.getKey(),
                    admin.send(HttpMethod.PATCH, MEMBER, "application/x-www-form-urlencoded", memberForm, htmx));
            check(softly, "htmx DELETE with " + bad.getKey(), admin.send(HttpMethod.DELETE, MEMBER, null, null, htmx));
            check(softly, "htmx POST with " + bad.getKey(), admin.send(HttpMethod.POST, "/members",
                    "application/x-www-form-urlencoded", "email=x%40example.com&name=Forged&idempotencyKey=k1", htmx));
            check(softly, "api POST with " + bad.getKey(), admin.send(HttpMethod.POST, "/api/members",
                    "application/json", "{\"email\":\"x@example.com\",\"name\":\"Forged\"}", api));
            check(softly, "api PUT with " + bad.getKey(), admin.send(HttpMethod.PUT, "/api" + MEMBER,
                    "application/json", "{\"email\":\"x@example.com\",\"name\":\"Forged\"}", api));
            check(softly, "api PATCH with " + bad.getKey(), admin.send(HttpMethod.PATCH, "/api" + MEMBER,
                    "application/merge-patch+json", "{\"name\":\"Forged\"}", api));
            check(softly, "api DELETE with " + bad.getKey(),
                    admin.send(HttpMethod.DELETE, "/api" + MEMBER, null, null, api));
        }
        softly.assertAll();

        assertThat(requests).isGreaterThan(300);
        assertThat(stubs.gatewayRequests()).allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
        assertThat(stubs.authRequests()).isEmpty();
        assertThat(stubs.logoutCalls).isEmpty();
        assertThat(admin.get("/profile").getStatus().value()).isEqualTo(200);
        assertThat(anonymous.get("/profile").getStatus().value()).isEqualTo(302);
    }

    private static void check(SoftAssertions softly, String what, EntityExchangeResult<String> result) {
        softly.assertThat(result.getStatus().value()).as(what).isEqualTo(403);
    }

    /**
     * Tokens that must all be refused, by name; derived from the victim's real token
     * where that matters.
     */
    static Map<String, String> badTokens(String real, String otherSessions) {
        Random random = new Random(20261202L);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int length : new int[] { 1, 4, 16, 36, 48, 71, 72, 73, 95, 96, 97, 128, 200 }) {
            for (int sample = 0; sample < 3; sample++) {
                tokens.put("random base64url of length " + length + " #" + sample, randomBase64Url(random, length));
            }
        }
        tokens.put("non-base64", "not a token!*");
        tokens.put("non-base64 percent signs", "%%%%%%%%");
        tokens.put("base64 with padding in the middle", real.substring(0, 8) + "==" + real.substring(10));
        tokens.put("truncated by one", real.substring(0, real.length() - 1));
        tokens.put("truncated to half", real.substring(0, real.length() / 2));
        tokens.put("real token with one character changed", flipLast(real));
        tokens.put("real token with a character appended", real + "A");
        tokens.put("empty", "");
        tokens.put("blank", " ");
        tokens.put("another session's token", otherSessions);
        tokens.put("very long base64url (4096)", randomBase64Url(random, 4096));
        tokens.put("huge base64url (20000)", randomBase64Url(random, 20000));
        return tokens;
    }

    private static Map<String, Map<String, String>> anonymousForms() {
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("/login", Map.of("email", StubUpstreams.USER_EMAIL, "password", StubUpstreams.PASSWORD));
        forms.put("/register",
                Map.of("email", "csrf@example.com", "name", "Forged", "password", "a long enough passphrase"));
        return forms;
    }

    private static Map<String, Map<String, String>> adminForms() {
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("/logout", Map.of());
        forms.put("/members", Map.of("email", "x@example.com", "name", "Forged", "idempotencyKey", "k1"));
        forms.put(MEMBER, Map.of("email", "mia@example.com", "name", "Changed", "version", "3"));
        forms.put(MEMBER + "/delete", Map.of());
        forms.put("/profile", Map.of("name", "Changed", "phone", ""));
        forms.put("/profile/password",
                Map.of("current_password", StubUpstreams.PASSWORD, "new_password", "another long enough passphrase"));
        return forms;
    }

    private static Map<String, String> withToken(Map<String, String> form, String token) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", token);
        return withToken;
    }

    private static String randomBase64Url(Random random, int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(BASE64URL.charAt(random.nextInt(BASE64URL.length())));
        }
        return token.toString();
    }

    private static String flipLast(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

}
