package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The pages: home, members (create, validation, inline edit, delete), profile, register,
 * /api proxy.
 */
class PagesIT extends WebUiIT {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private static final String MEMBER = "/members/" + StubUpstreams.MEMBER_ID;

    @Test
    void homeWelcomesTheUserAndShowsTheAdminSummary() {
        String page = loggedIn(StubUpstreams.ADMIN_EMAIL).get("/").getResponseBody();

        assertThat(page).contains("<h1>Welcome, Ada Admin</h1>")
            .contains("id=\"admin-summary\"")
            .contains("Mia Member")
            .contains(">Members</a>")
            .contains(">Log out</button>");
    }

    @Test
    void homeShowsUnavailableSectionsWhenDegraded() {
        stubs.homeDegraded.set(true);

        String page = loggedIn(StubUpstreams.ADMIN_EMAIL).get("/").getResponseBody();

        assertThat(page).doesNotContain("id=\"admin-summary\"")
            .containsPattern("class=\"degraded\"[^>]*>[^<]*unavailable");
    }

    @Test
    void searchSendsTheQueryToTheGatewayEncodedOnce() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);

        admin.get("/members?q=ana müller@example.com");

        assertThat(stubs.gatewayRequests("GET", "/api/members")).last()
            .satisfies(request -> assertThat(request.uri()).contains("q=ana%20m%C3%BCller%40example.com")
                .doesNotContain("%25"));
    }

    @Test
    void createSendsTheRenderedIdempotencyKeyAndRedirects() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);
        String key = idempotencyKey(admin.get("/members").getResponseBody());

        EntityExchangeResult<String> create = admin.post("/members", Map.of("email", "new@example.com", "name",
                "New Member", "phone", "", "idempotencyKey", key, "_csrf", admin.csrf()));

        assertThat(create.getStatus().value()).isEqualTo(303);
        assertThat(create.getResponseHeaders().getLocation()).hasToString("/members?created");
        assertThat(stubs.gatewayRequests("POST", "/api/members")).singleElement().satisfies(request -> {
            assertThat(request.headers().get("idempotency-key")).isEqualTo(key);
            assertThat(request.headers().get("authorization")).startsWith("Bearer ");
            assertThat(request.body()).contains("\"email\":\"new@example.com\"");
        });
        assertThat(admin.get("/members?created").getResponseBody()).containsPattern("role=\"status\">Member added<");
    }

    @Test
    void gatewayValidationErrorsAreShownNextToTheFields() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);
        admin.get("/members");

        EntityExchangeResult<String> create = admin.post("/members",
                Map.of("email", "not-an-email", "name", "bad", "idempotencyKey", "k-1", "_csrf", admin.csrf()));

        assertThat(create.getStatus().value()).isEqualTo(422);
        assertThat(create.getResponseBody())
            .contains("<p class=\"field-error\" id=\"email-error\">must be a well-formed email address</p>")
            .containsPattern(
                    "<input id=\"email\" name=\"email\" type=\"email\" value=\"not-an-email\"[^>]*aria-invalid=\"true\"\\s+aria-describedby=\"email-error\"");
    }

    @Test
    void missingRequiredFieldsAreRejectedWithoutCallingTheGateway() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);
        admin.get("/members");

        EntityExchangeResult<String> create = admin.post("/members", Map.of("_csrf", admin.csrf()),
                Map.of("HX-Request", "true"));

        assertThat(create.getStatus().value()).isEqualTo(422);
        assertThat(create.getResponseBody()).doesNotContain("<html")
            .contains("id=\"members-panel\"")
            .contains("id=\"name-error\"")
            .contains("id=\"email-error\"");
        assertThat(stubs.gatewayRequests("POST", "/api/members")).isEmpty();
    }

    @Test
    void inlineEditSendsIfMatchAndIdempotencyKeyAndReturnsTheRow() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);
        admin.get("/members");
        String editRow = admin.get(MEMBER + "/edit", Map.of("HX-Request", "true")).getResponseBody();
        assertThat(editRow).startsWith("<tr").contains(">Save</button>").contains(">Cancel</button>");
        String key = idempotencyKey(editRow);

        EntityExchangeResult<String> save = admin.send(HttpMethod.PUT, MEMBER, "application/x-www-form-urlencoded",
                "name=Mia+Renamed&email=mia%40example.com&phone=&etag=%223%22&idempotencyKey=" + key,
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", admin.csrf()));

        assertThat(save.getStatus().value()).isEqualTo(200);
        assertThat(save.getResponseBody()).startsWith("<tr")
            .contains("data-member-id=\"" + StubUpstreams.MEMBER_ID + "\"");
        assertThat(stubs.gatewayRequests("PUT", "/api/members/")).singleElement().satisfies(request -> {
            assertThat(request.headers().get("if-match")).isEqualTo("\"3\"");
            assertThat(request.headers().get("idempotency-key")).isEqualTo(key);
            assertThat(request.body()).contains("Mia Renamed");
        });
    }

    @Test
    void deleteWithoutJavaScriptAsksForConfirmationFirst() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);

        String confirmation = admin.get(MEMBER + "/delete").getResponseBody();
        assertThat(confirmation).contains(">Delete</button>").contains("method=\"post\"");
        assertThat(stubs.gatewayRequests("DELETE", "/api/members")).isEmpty();

        EntityExchangeResult<String> delete = admin.post(MEMBER + "/delete", admin.csrfForm());

        assertThat(delete.getResponseHeaders().getLocation()).hasToString("/members?deleted");
        assertThat(stubs.gatewayRequests("DELETE", "/api/members/" + StubUpstreams.MEMBER_ID)).hasSize(1);
    }

    @Test
    void memberDetailShowsTheNameAndAnEditForm() {
        String page = loggedIn(StubUpstreams.ADMIN_EMAIL).get(MEMBER).getResponseBody();

        assertThat(page).contains("<h1>Mia Member</h1>").contains("name=\"etag\" value=\"&quot;3&quot;\"");
    }

    @Test
    void malformedMemberIdIsNotFoundNotAnError() {
        EntityExchangeResult<String> page = loggedIn(StubUpstreams.ADMIN_EMAIL).get("/members/not-a-uuid");

        assertThat(page.getStatus().value()).isEqualTo(404);
        assertThat(page.getResponseBody()).contains("<h1>Not found</h1>");
        assertThat(stubs.gatewayRequests("GET", "/api/members/not-a-uuid")).isEmpty();
    }

    @Test
    void profileSaveShowsSaved() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        String page = user.get("/profile").getResponseBody();
        assertThat(page).contains("name=\"name\"").contains("name=\"phone\"").contains(">Save</button>");

        EntityExchangeResult<String> save = user.post("/profile", Map.of("name", "Uma Renamed", "phone", "+1 555",
                "idempotencyKey", idempotencyKey(page), "_csrf", user.csrf()));

        assertThat(save.getResponseHeaders().getLocation()).hasToString("/profile?saved");
        assertThat(stubs.gatewayRequests("PUT", "/api/members/me")).singleElement()
            .satisfies(request -> assertThat(request.body()).contains("\"email\":\"mia@example.com\"")
                .contains("Uma Renamed"));
        assertThat(user.get("/profile?saved").getResponseBody()).containsPattern("role=\"status\">Saved<");
    }

    @Test
    void registrationLogsTheNewUserIn() {
        Browser browser = browser();
        browser.get("/register");
        String anonymousSession = browser.sessionId();

        EntityExchangeResult<String> register = browser.post("/register", Map.of("email", "new.user@example.com",
                "name", "New User", "password", "a long enough passphrase", "_csrf", browser.csrf()));

        assertThat(register.getStatus().value()).isEqualTo(303);
        assertThat(register.getResponseHeaders().getLocation()).hasToString("/");
        assertThat(browser.sessionId()).isNotEqualTo(anonymousSession);
        assertThat(browser.get("/").getResponseBody()).contains("Welcome, New User");
    }

    @Test
    void registrationErrorsFromAuthAreShownNextToTheFields() {
        Browser browser = browser();
        browser.get("/register");

        EntityExchangeResult<String> register = browser.post("/register",
                Map.of("email", "short@example.com", "name", "Shorty", "password", "short", "_csrf", browser.csrf()));

        assertThat(register.getStatus().value()).isEqualTo(422);
        assertThat(register.getResponseBody()).contains("id=\"password-error\">must be at least 15 characters<")
            .doesNotContain("value=\"short\"");
    }

    @Test
    void apiProxyForwardsWithBearerAndStreamsTheAnswerBack() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        user.get("/");

        EntityExchangeResult<String> get = user.send(HttpMethod.GET, "/api/echo?x=1&y=é", null, null,
                Map.of("Accept", "application/json"));
        EntityExchangeResult<String> post = user.send(HttpMethod.POST, "/api/echo/items", "application/json",
                "{\"a\":1}", Map.of("X-CSRF-TOKEN", user.csrf(), "Idempotency-Key", "abc-123"));

        assertThat(get.getStatus().value()).isEqualTo(200);
        assertThat(get.getResponseBody()).contains("\"uri\":\"/api/echo?x=1&y=%C3%A9\"");
        assertThat(post.getStatus().value()).isEqualTo(200);
        assertThat(post.getResponseBody()).contains("\"method\":\"POST\"")
            .contains("\"idempotencyKey\":\"abc-123\"")
            .contains("{\\\"a\\\":1}");
        assertThat(stubs.gatewayRequests("POST", "/api/echo")).singleElement()
            .satisfies(request -> assertThat(request.headers().get("authorization")).startsWith("Bearer "));
    }

    private static String idempotencyKey(String html) {
        Matcher matcher = IDEMPOTENCY_KEY.matcher(html);
        assertThat(matcher.find()).as("idempotency key in form").isTrue();
        return matcher.group(1);
    }

}
