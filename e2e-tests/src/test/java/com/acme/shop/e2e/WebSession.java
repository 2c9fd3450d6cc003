package com.acme.shop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web-ui session driven over plain HTTP (no browser): the session cookie and the CSRF
 * token of the page, either anonymous ({@code GET /login}) or logged in through the login
 * form.
 */
record WebSession(String cookieName, String cookie, String csrf) {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    String cookieHeader() {
        return cookieName + "=" + cookie;
    }

    static WebSession anonymous(String webUrl) {
        return page(webUrl, "/login", null);
    }

    static WebSession login(String webUrl, String email, String password) {
        WebSession anonymous = anonymous(webUrl);
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(anonymous.csrf(), StandardCharsets.UTF_8);
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(webUrl + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", anonymous.cookieHeader())
            .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() / 100 != 3 || location.contains("error")) {
            throw new AssertionError(
                    "web-ui login answered " + login.statusCode() + " " + location + ": " + login.body());
        }
        String cookie = sessionCookie(login).map(c -> c[1]).orElse(anonymous.cookie());
        return page(webUrl, "/profile", new WebSession(anonymous.cookieName(), cookie, null));
    }

    /**
     * GETs a page (with the session's cookie, if any) and reads the session cookie and
     * CSRF token.
     */
    private static WebSession page(String webUrl, String path, WebSession session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webUrl + path)).header("Accept", "text/html");
        if (session != null) {
            request.header("Cookie", session.cookieHeader());
        }
        HttpResponse<String> page = send(request.GET());
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + page.statusCode() + ": " + page.body());
        }
        Optional<String[]> set = sessionCookie(page);
        String name = set.map(c -> c[0]).orElse(session == null ? null : session.cookieName());
        String cookie = set.map(c -> c[1]).orElse(session == null ? null : session.cookie());
        Matcher meta = CSRF_META.matcher(page.body());
        Matcher input = CSRF_INPUT.matcher(page.body());
        String csrf = meta.find() ? meta.group(1) : input.find() ? input.group(1) : null;
        if (cookie == null || csrf == null) {
            throw new AssertionError("no session cookie or CSRF token on " + path + ": " + page.headers().map());
        }
        return new WebSession(name, cookie, csrf);
    }

    /** {name, value} of the first non-empty cookie the response sets. */
    private static Optional<String[]> sessionCookie(HttpResponse<?> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0 && !pair.substring(eq + 1).isEmpty()) {
                return Optional.of(new String[] { pair.substring(0, eq).trim(), pair.substring(eq + 1).trim() });
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + " failed: " + e, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
