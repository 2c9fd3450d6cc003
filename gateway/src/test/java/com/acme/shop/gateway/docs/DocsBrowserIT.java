package com.acme.shop.gateway.docs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;
import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.TestInfra;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * The gateway's Swagger UI in a real Chromium, under the page's Content-Security-Policy:
 * it lists every service's spec (loaded through the gateway), shows an error for a
 * service that is down while the others keep working, and "Try it out" calls the
 * gateway's own origin, which lets the call through only with the token entered under
 * "Authorize". The system Chromium is used ({@code PLAYWRIGHT_CHROMIUM_EXECUTABLE},
 * default /usr/bin/chromium); without one the class is skipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "UPSTREAM_CONNECT_TIMEOUT_MS=500" })
class DocsBrowserIT {

    static final TestTokens TOKENS = TestTokens.create();

    static final DocumentedService AUTH = DocumentedService.start("auth", "/api/auth/verify",
            stub -> stub.on("GET", "/.well-known/jwks.json", request -> Reply.json(200, TOKENS.jwksJson())));

    static final DocumentedService MEMBER = DocumentedService.start("member", "/api/members/me");

    static Playwright playwright;

    static Browser chromium;

    @LocalServerPort
    int port;

    BrowserContext context;

    Page page;

    /** Console errors of the page (a failed request is one). */
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    /** Content-Security-Policy violations of the page. */
    final List<String> cspViolations = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("AUTH_SERVER_URL", AUTH::url);
        registry.add("MEMBER_SERVER_URL", MEMBER::url);
        // bff is down: nothing listens on port 1
        registry.add("BFF_SERVER_URL", () -> "http://127.0.0.1:1");
    }

    @BeforeAll
    static void startBrowser() {
        Path executable = Path.of(System.getenv().getOrDefault("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium"));
        Assumptions.assumeTrue(Files.isExecutable(executable), "no Chromium at " + executable);
        playwright = Playwright
            .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
        AUTH.close();
        MEMBER.close();
    }

    @BeforeEach
    void openPage() {
        AUTH.reset();
        MEMBER.reset();
        context = chromium.newContext(new Browser.NewContextOptions().setBaseURL("http://127.0.0.1:" + port));
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().startsWith("CSP ")) {
                cspViolations.add(message.text());
            }
            else if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.log('CSP '"
                + " + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));");
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void listsEveryServiceAndRendersItsSpecUnderTheCsp() {
        page.navigate("/docs");
        assertThat(page).hasURL("http://127.0.0.1:" + port + "/docs/index.html");
        assertThat(title()).containsText("auth stub API");
        assertThat(definitions().locator("option"))
            .hasText(new String[] { "auth", "member", "bff", "product", "order" });

        definitions().selectOption("member");
        assertThat(title()).containsText("member stub API");
        assertThat(page.locator(".opblock-summary-path")).hasText("/api/members/me");
        assertThat(cspViolations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aServiceThatIsDownShowsAnErrorWhileTheOthersStillWork() {
        page.navigate("/docs");
        assertThat(title()).containsText("auth stub API");

        definitions().selectOption("bff");
        assertThat(page.getByText("Failed to load API definition")).isVisible();

        definitions().selectOption("auth");
        assertThat(title()).containsText("auth stub API");
        assertThat(page.locator(".opblock-summary-path")).hasText("/api/auth/verify");
    }

    @Test
    void tryItOutCallsTheGatewayWhichNeedsTheAuthorizedToken() {
        String token = TOKENS.user(UUID.randomUUID().toString());
        page.navigate("/docs");
        definitions().selectOption("member");
        assertThat(title()).containsText("member stub API");
        page.locator(".opblock-summary").first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try it out")).click();

        // without a token the gateway refuses the call; the service sees nothing
        execute();
        assertThat(liveStatus()).hasText("401");
        assertThat(MEMBER.receivedBesidesSpec()).isEmpty();

        page.locator(".auth-wrapper button.authorize").click();
        page.locator(".modal-ux input[type=text]").fill(token);
        page.locator(".modal-ux .auth-btn-wrapper button.authorize").click();
        page.locator(".modal-ux button.btn-done").click();

        execute();
        assertThat(liveStatus()).hasText("200");
        List<StubServer.Request> calls = MEMBER.received("GET", "/api/members/me");
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).bearerToken()).isEqualTo(token);
        assertThat(cspViolations).isEmpty();
    }

    private Locator title() {
        return page.locator(".info .title");
    }

    private Locator definitions() {
        return page.locator("select#select");
    }

    private void execute() {
        page.locator("button.execute").click();
    }

    private Locator liveStatus() {
        return page.locator(".live-responses-table td.response-col_status:not(.col_header)");
    }

}
