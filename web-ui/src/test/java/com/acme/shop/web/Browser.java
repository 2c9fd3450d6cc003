package com.acme.shop.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A minimal browser for tests: keeps the session cookie and the CSRF token of the last
 * page.
 */
final class Browser {

    static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final WebTestClient client;

    private String sessionId;

    private String csrf;

    Browser(WebTestClient client) {
        this.client = client;
    }

    String sessionId() {
        return sessionId;
    }

    String csrf() {
        return csrf;
    }

    Browser withSessionId(String id) {
        this.sessionId = id;
        return this;
    }

    EntityExchangeResult<String> get(String path) {
        return get(path, Map.of());
    }

    EntityExchangeResult<String> get(String path, Map<String, String> headers) {
        EntityExchangeResult<String> result = client.get().uri(path).accept(MediaType.TEXT_HTML).headers(h -> {
            headers.forEach(h::set);
            cookie(h);
        }).exchange().expectBody(String.class).returnResult();
        remember(result);
        return result;
    }

    EntityExchangeResult<String> post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    EntityExchangeResult<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        MultiValueMap<String, String> data = new LinkedMultiValueMap<>();
        form.forEach(data::add);
        EntityExchangeResult<String> result = client.post().uri(path).accept(MediaType.TEXT_HTML).headers(h -> {
            headers.forEach(h::set);
            cookie(h);
        })
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(data))
            .exchange()
            .expectBody(String.class)
            .returnResult();
        remember(result);
        return result;
    }

    EntityExchangeResult<String> send(org.springframework.http.HttpMethod method, String path, String contentType,
            String body, Map<String, String> headers) {
        WebTestClient.RequestBodySpec spec = client.method(method).uri(path).headers(h -> {
            headers.forEach(h::set);
            cookie(h);
        });
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? spec
                : spec.contentType(MediaType.parseMediaType(contentType)).bodyValue(body);
        EntityExchangeResult<String> result = ready.exchange().expectBody(String.class).returnResult();
        remember(result);
        return result;
    }

    /** Loads the login page and logs in; returns the login response (302). */
    EntityExchangeResult<String> login(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password, "_csrf", csrf));
    }

    Map<String, String> csrfForm() {
        return Map.of("_csrf", csrf);
    }

    private void cookie(HttpHeaders headers) {
        if (sessionId != null) {
            headers.add(HttpHeaders.COOKIE, WebUiIT.COOKIE + "=" + sessionId);
        }
    }

    private void remember(EntityExchangeResult<String> result) {
        ResponseCookie cookie = result.getResponseCookies().getFirst(WebUiIT.COOKIE);
        if (cookie != null) {
            sessionId = cookie.getValue().isEmpty() ? null : cookie.getValue();
        }
        String body = result.getResponseBody();
        if (body != null) {
            Matcher matcher = CSRF_META.matcher(body);
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
        }
    }

}
