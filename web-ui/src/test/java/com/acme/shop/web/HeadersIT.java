package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** C9 headers, C10 escaping, htmx fragments vs pages, hashed static assets. */
class HeadersIT extends WebUiIT {

    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>");

    @Test
    void everyHtmlResponseCarriesTheSecurityHeaders() {
        for (EntityExchangeResult<String> page : List.of(browser().get("/login"),
                loggedIn(StubUpstreams.USER_EMAIL).get("/"), loggedIn(StubUpstreams.USER_EMAIL).get("/nothing-here"))) {
            HttpHeaders headers = page.getResponseHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).matches(
                    "default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'; object-src 'none'; base-uri 'none'; "
                            + "frame-ancestors 'none'; form-action 'self'");
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(headers.getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
            assertThat(headers.getFirst("X-XSS-Protection")).isEqualTo("0");
            assertThat(headers.getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("text/html;charset=UTF-8");
            assertThat(headers.getCacheControl()).isEqualTo("no-store");
            assertThat(headers.getVary()).contains("HX-Request");
        }
    }

    @Test
    void cspNonceIsFreshPerRequestAndMatchesEveryScriptTag() {
        EntityExchangeResult<String> first = browser().get("/login");
        EntityExchangeResult<String> second = browser().get("/login");

        String nonce = nonce(first);
        assertThat(nonce).isNotEqualTo(nonce(second));
        List<String> scripts = scripts(first.getResponseBody());
        assertThat(scripts).hasSize(2)
            .allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce + "\"").contains(" src=\""));
        assertThat(first.getResponseBody()).doesNotContain("hx-on")
            .doesNotContain("style=\"")
            .doesNotContain("javascript:")
            .contains("\"allowEval\":false")
            .contains("\"includeIndicatorStyles\":false");
    }

    @Test
    void userDataIsRenderedEscaped() {
        String page = loggedIn(StubUpstreams.XSS_EMAIL).get("/").getResponseBody();

        assertThat(page).contains("Welcome, &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page).doesNotContain(StubUpstreams.XSS_NAME);
    }

    @Test
    void htmxRequestGetsAFragmentAndPlainRequestTheWholePage() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);

        String page = admin.get("/members?q=mia").getResponseBody();
        String fragment = admin.get("/members?q=mia", Map.of("HX-Request", "true")).getResponseBody();

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<header").contains("id=\"members-table\"");
        assertThat(fragment).doesNotContain("<html")
            .doesNotContain("<header")
            .contains("id=\"members-results\"")
            .contains("data-member-id=\"" + StubUpstreams.MEMBER_ID + "\"");
    }

    @Test
    void assetLinksAreContentHashedAndServedImmutable() {
        String page = browser().get("/login").getResponseBody();
        Matcher css = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"").matcher(page);
        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min-[0-9a-f]{32}\\.js)\"")
            .matcher(page);
        Matcher js = Pattern.compile("src=\"(/js/app-[0-9a-f]{32}\\.js)\"").matcher(page);
        assertThat(css.find()).as("hashed css link in %s", page).isTrue();
        assertThat(htmx.find()).as("hashed htmx link").isTrue();
        assertThat(js.find()).as("hashed js link").isTrue();

        for (String asset : List.of(css.group(1), htmx.group(1), js.group(1))) {
            EntityExchangeResult<byte[]> result = client().get().uri(asset).exchange().expectBody().returnResult();
            assertThat(result.getStatus().value()).as(asset).isEqualTo(200);
            assertThat(result.getResponseHeaders().getCacheControl()).contains("max-age=31536000")
                .contains("immutable");
        }
    }

    @Test
    void htmxIsAlsoServedFromTheVersionlessWebjarPath() {
        EntityExchangeResult<byte[]> htmx = client().get()
            .uri("/webjars/htmx.org/dist/htmx.min.js")
            .exchange()
            .expectBody()
            .returnResult();

        assertThat(htmx.getStatus().value()).isEqualTo(200);
        assertThat(new String(htmx.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("htmx");
    }

    @Test
    void healthAnswersJsonOnTheManagementPortAndTheActuatorIsNotOnTheWebPort(@LocalManagementPort int managementPort) {
        EntityExchangeResult<String> health = WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + managementPort)
            .build()
            .get()
            .uri("/actuator/health")
            .exchange()
            .expectBody(String.class)
            .returnResult();

        assertThat(health.getStatus().value()).isEqualTo(200);
        assertThat(health.getResponseBody()).contains("\"status\":\"UP\"");
        for (String path : List.of("/actuator/health", "/actuator/info", "/actuator/prometheus", "/actuator")) {
            assertThat(client().get().uri(path).exchange().expectBody(String.class).returnResult().getStatus().value())
                .as(path)
                .isIn(302, 404);
        }
    }

    private static String nonce(EntityExchangeResult<String> result) {
        Matcher matcher = NONCE.matcher(result.getResponseHeaders().getFirst("Content-Security-Policy"));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static List<String> scripts(String html) {
        List<String> tags = new ArrayList<>();
        Matcher matcher = SCRIPT.matcher(html);
        while (matcher.find()) {
            tags.add(matcher.group());
        }
        return tags;
    }

}
