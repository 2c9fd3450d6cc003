package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * C1/C6 with the {@code prod} profile: {@code __Host-SID} with {@code Secure}, also on
 * the expiring cookie; and the profile's log format: one JSON (ECS) object per line.
 */
@ActiveProfiles("prod")
class ProductionCookieIT extends WebUiIT {

    private static final String PROD_COOKIE = "__Host-SID";

    @Test
    void productionCookieIsHostPrefixedAndSecureAndExpiresTheSameWay() {
        EntityExchangeResult<String> loginPage = client().get()
            .uri("/login")
            .exchange()
            .expectBody(String.class)
            .returnResult();
        String setCookie = cookie(loginPage);
        assertThat(setCookie).matches("__Host-SID=[A-Za-z0-9-]{32,}; Path=/; Secure; HttpOnly; SameSite=Lax");
        String sessionId = setCookie.substring(PROD_COOKIE.length() + 1, setCookie.indexOf(';'));
        String csrf = csrf(loginPage.getResponseBody());

        EntityExchangeResult<String> login = client().post()
            .uri("/login")
            .header(HttpHeaders.COOKIE, PROD_COOKIE + "=" + sessionId)
            .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
            .bodyValue("email=" + StubUpstreams.USER_EMAIL + "&password=" + StubUpstreams.PASSWORD.replace(' ', '+')
                    + "&_csrf=" + csrf)
            .exchange()
            .expectBody(String.class)
            .returnResult();
        String loggedIn = cookie(login);
        String newId = loggedIn.substring(PROD_COOKIE.length() + 1, loggedIn.indexOf(';'));
        EntityExchangeResult<String> home = client().get()
            .uri("/")
            .header(HttpHeaders.COOKIE, PROD_COOKIE + "=" + newId)
            .exchange()
            .expectBody(String.class)
            .returnResult();

        EntityExchangeResult<String> logout = client().post()
            .uri("/logout")
            .header(HttpHeaders.COOKIE, PROD_COOKIE + "=" + newId)
            .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
            .bodyValue("_csrf=" + csrf(home.getResponseBody()))
            .exchange()
            .expectBody(String.class)
            .returnResult();

        assertThat(logout.getStatus().value()).isEqualTo(302);
        assertThat(logout.getResponseHeaders().get(HttpHeaders.SET_COOKIE))
            .containsExactly("__Host-SID=; Max-Age=0; Path=/; Secure; HttpOnly");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void productionLogsOneJsonObjectPerLineWithTraceIdsAndWithoutTheSessionCookie(CapturedOutput output) {
        String requestId = "prod-log-check-" + System.nanoTime();
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        client().get()
            .uri("/login")
            .header("X-Request-Id", requestId)
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .exchange()
            .expectStatus()
            .isOk();

        List<String> lines = output.getOut().lines().filter(line -> line.contains(requestId)).toList();
        assertThat(lines).isNotEmpty()
            .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}").contains("\"ecs\":{\"version\""))
            // ECS field names for the request's trace (continued from the caller) and
            // span
            .allSatisfy(line -> assertThat(line).contains("\"trace.id\":\"" + traceId + "\"")
                .containsPattern("\"span\\.id\":\"[0-9a-f]{16}\""))
            .noneSatisfy(line -> assertThat(line).contains(PROD_COOKIE));
    }

    private static String cookie(EntityExchangeResult<String> result) {
        List<String> cookies = result.getResponseHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).isNotNull();
        return cookies.stream().filter(c -> c.startsWith(PROD_COOKIE + "=")).findFirst().orElseThrow();
    }

    private static String csrf(String html) {
        java.util.regex.Matcher matcher = Browser.CSRF_META.matcher(html);
        assertThat(matcher.find()).isTrue();
        return java.net.URLEncoder.encode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

}
