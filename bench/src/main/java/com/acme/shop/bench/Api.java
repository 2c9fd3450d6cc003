package com.acme.shop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few API calls the harness makes itself (login, register, find a member), with the
 * JDK's HTTP client. JSON fields are read with a pattern: the harness has no JSON library
 * and needs only two strings.
 */
final class Api {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String authUrl;

    Api(String authUrl) {
        this.authUrl = Urls.requireLoopback(authUrl);
    }

    /** Logs in at auth; the access token. */
    String login(String email, String password) {
        HttpResponse<String> response = send(post(authUrl + "/api/auth/login", credentials(email, password)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "login of " + email + " answered " + response.statusCode() + ": " + response.body());
        }
        return field(ACCESS_TOKEN, response.body(), "access_token");
    }

    /** One login attempt; the status (the login storm counts them). */
    int loginStatus(String email, String password) {
        return send(post(authUrl + "/api/auth/login", credentials(email, password))).statusCode();
    }

    void register(String email, String password, String name) {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"" + name + "\"}";
        HttpResponse<String> response = send(post(authUrl + "/api/auth/register", body));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "register " + email + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The id of the first member in member's list. */
    String firstMemberId(String memberUrl, String token) {
        HttpResponse<String> response = get(memberUrl + "/api/members?size=1", token);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("member list answered " + response.statusCode());
        }
        return field(ID, response.body(), "member id");
    }

    HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Urls.requireLoopback(url)))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.GET().build());
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String field(Pattern pattern, String body, String what) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in " + body);
        }
        return m.group(1);
    }

}
