package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Bodies and headers the fuzz suite sent that used to be 500s: each is the client's
 * mistake and gets a 4xx (an HTML error page for pages and htmx, problem+json on
 * {@code /api/**}), never a stack trace, and reaches neither auth nor the gateway. Sent
 * with the JDK client, which (unlike WebTestClient) sends a Content-Type it cannot parse
 * as it is.
 */
class MalformedRequestIT extends WebUiIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static final String MEMBER = "/members/" + StubUpstreams.MEMBER_ID;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, String contentType, String body) {
    }

    @Test
    void aFormBodyWithBadPercentEncodingIsABadRequestWhereverTheFormIsRead() {
        Browser admin = adminOnMembers();
        Browser anonymous = browser();
        anonymous.get("/login");
        Map<String, String> page = Map.of("Accept", "text/html");
        Map<String, String> htmx = Map.of("HX-Request", "true", "X-CSRF-TOKEN", admin.csrf());
        Map<String, String> api = Map.of("Accept", "application/json", "X-CSRF-TOKEN", admin.csrf());
        SoftAssertions softly = new SoftAssertions();
        for (String bad : new String[] { "name=%zz", "name=a%", "name=%4", "%=x", "name=%u0041" }) {
            String adminForm = "_csrf=" + admin.csrf() + "&email=x%40example.com&" + bad;
            String anonymousForm = "_csrf=" + anonymous.csrf() + "&email=x%40example.com&password=long+enough+pass&"
                    + bad;
            for (String path : new String[] { "/profile", "/members", "/profile/password", MEMBER,
                    MEMBER + "/delete" }) {
                expectPage(softly, "POST " + path + " " + bad, send(admin, "POST", path, FORM, adminForm, page), 400);
            }
            for (String path : new String[] { "/login", "/register" }) {
                expectPage(softly, "POST " + path + " " + bad, send(anonymous, "POST", path, FORM, anonymousForm, page),
                        400);
            }
            expectPage(softly, "htmx PUT " + bad,
                    send(admin, "PUT", MEMBER, FORM, "email=x%40example.com&" + bad, htmx), 400);
            expectPage(softly, "htmx POST /members " + bad, send(admin, "POST", "/members", FORM, bad, htmx), 400);
            expectProblem(softly, "api POST " + bad, send(admin, "POST", "/api/members", FORM, bad, api), 400);
        }
        softly.assertAll();
        assertNothingReachedUpstream();
        assertThat(admin.get("/profile").getStatus().value()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsContentTooLarge() {
        Browser admin = adminOnMembers();
        Browser anonymous = browser();
        anonymous.get("/login");
        String big = "name=" + "a".repeat(300 * 1024);
        Map<String, String> htmx = Map.of("HX-Request", "true", "X-CSRF-TOKEN", admin.csrf());
        Map<String, String> api = Map.of("Accept", "application/json", "X-CSRF-TOKEN", admin.csrf());
        SoftAssertions softly = new SoftAssertions();
        expectPage(softly, "htmx PUT member", send(admin, "PUT", MEMBER, FORM, big, htmx), 413);
        expectPage(softly, "POST /login",
                send(anonymous, "POST", "/login", FORM, "_csrf=" + anonymous.csrf() + "&" + big, Map.of()), 413);
        expectPage(softly, "POST /profile",
                send(admin, "POST", "/profile", FORM, "_csrf=" + admin.csrf() + "&" + big, Map.of()), 413);
        expectProblem(softly, "api form", send(admin, "POST", "/api/members", FORM, big, api), 413);
        expectProblem(softly, "api JSON over the proxy's 1 MiB", send(admin, "POST", "/api/members", "application/json",
                "{\"name\":\"" + "a".repeat(1100 * 1024) + "\"}", api), 413);
        expectPage(softly, "multipart field",
                send(admin, "POST", "/profile", "multipart/form-data; boundary=xyz",
                        "--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + "a".repeat(300 * 1024)
                                + "\r\n--xyz--\r\n",
                        htmx),
                413);
        softly.assertAll();
        assertNothingReachedUpstream();
    }

    @Test
    void aBrokenMultipartBodyIsABadRequest() {
        Browser admin = adminOnMembers();
        Map<String, String> htmx = Map.of("HX-Request", "true", "X-CSRF-TOKEN", admin.csrf());
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("multipart/form-data", "name=x");
        bodies.put("multipart/form-data; boundary=x", "name=x");
        bodies.put("multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx");
        SoftAssertions softly = new SoftAssertions();
        bodies.forEach((type, body) -> {
            expectPage(softly, "htmx POST /profile as " + type, send(admin, "POST", "/profile", type, body, htmx), 400);
            expectPage(softly, "htmx POST /members as " + type, send(admin, "POST", "/members", type, body, htmx), 400);
        });
        softly.assertAll();
        assertNothingReachedUpstream();
    }

    @Test
    void aFormWhoseContentTypeDoesNotParseIsAnUnsupportedMediaType() {
        Browser admin = adminOnMembers();
        Browser anonymous = browser();
        anonymous.get("/login");
        Map<String, String> htmx = Map.of("HX-Request", "true", "X-CSRF-TOKEN", admin.csrf());
        SoftAssertions softly = new SoftAssertions();
        for (String type : new String[] { FORM + "; charset=nope", FORM + "; charset=\"utf-8", FORM + "; charset=",
                FORM + ";charset=ebcdic" }) {
            expectPage(softly, "POST /login as " + type, send(anonymous, "POST", "/login", type,
                    "_csrf=" + anonymous.csrf() + "&email=" + StubUpstreams.USER_EMAIL + "&password=x", Map.of()), 415);
            expectPage(softly, "POST /profile as " + type,
                    send(admin, "POST", "/profile", type, "_csrf=" + admin.csrf() + "&name=x", Map.of()), 415);
            expectPage(softly, "htmx POST /profile as " + type, send(admin, "POST", "/profile", type, "name=x", htmx),
                    415);
        }
        softly.assertAll();
        assertNothingReachedUpstream();
    }

    @Test
    void aPageAskedForATypeItCannotProduceIsNotAcceptable() {
        Browser admin = adminOnMembers();
        Browser anonymous = browser();
        SoftAssertions softly = new SoftAssertions();
        String[] pages = { "/", "/profile", "/members", MEMBER, "/members/" + StubUpstreams.MEMBER_ID + "/edit" };
        for (String accept : new String[] { "text/event-stream", "application/json", "application/xml", "text/plain",
                "image/png", "garbage", "application/*+json", "application/json;q=0" }) {
            Map<String, String> headers = Map.of("Accept", accept);
            for (String path : pages) {
                expectPage(softly, "GET " + path + " accepting " + accept,
                        send(admin, "GET", path, null, null, headers), 406);
            }
            expectPage(softly, "htmx GET /members accepting " + accept,
                    send(admin, "GET", "/members", null, null, Map.of("Accept", accept, "HX-Request", "true")), 406);
            expectPage(softly, "GET /login accepting " + accept, send(anonymous, "GET", "/login", null, null, headers),
                    406);
            expectPage(softly, "GET /register accepting " + accept,
                    send(anonymous, "GET", "/register", null, null, headers), 406);
        }
        for (String accept : new String[] { "text/html", "*/*", "text/*", "*/*; q=0.5, application/problem+json",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" }) {
            Answer login = send(anonymous, "GET", "/login", null, null, Map.of("Accept", accept));
            softly.assertThat(login.status()).as("GET /login accepting " + accept).isEqualTo(200);
            softly.assertThat(login.contentType()).as("GET /login accepting " + accept).startsWith("text/html");
            softly.assertThat(send(admin, "GET", "/members", null, null, Map.of("Accept", accept)).status())
                .as("GET /members accepting " + accept)
                .isEqualTo(200);
        }
        softly.assertThat(send(anonymous, "GET", "/login", null, null, Map.of()).status())
            .as("GET /login without Accept")
            .isEqualTo(200);
        softly.assertAll();
    }

    private Browser adminOnMembers() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);
        admin.get("/members");
        stubs.reset();
        return admin;
    }

    private void assertNothingReachedUpstream() {
        assertThat(stubs.authRequests()).isEmpty();
        assertThat(stubs.gatewayRequests()).allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
    }

    private static void expectPage(SoftAssertions softly, String what, Answer answer, int status) {
        softly.assertThat(answer.status()).as(what).isEqualTo(status);
        softly.assertThat(answer.contentType()).as(what + " (type)").startsWith("text/html");
        softly.assertThat(answer.body()).as(what + " (body)").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static void expectProblem(SoftAssertions softly, String what, Answer answer, int status) {
        softly.assertThat(answer.status()).as(what).isEqualTo(status);
        softly.assertThat(answer.contentType()).as(what + " (type)").startsWith("application/problem+json");
        softly.assertThat(answer.body())
            .as(what + " (body)")
            .contains("\"status\":" + status)
            .doesNotContain("Exception");
    }

    private Answer send(Browser browser, String method, String path, String contentType, String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (browser.sessionId() != null) {
            request.header("Cookie", COOKIE + "=" + browser.sessionId());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
