package com.acme.shop.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * A real Chromium against web-ui (stub upstreams): htmx works under the CSP (no eval, no
 * inline script or style, no CSP violation reported), and the pages work with JavaScript
 * turned off.
 */
class BrowserIT extends WebUiIT {

    private static Playwright playwright;

    private static Browser chromium;

    private BrowserContext context;

    private Page page;

    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() {
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
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        newContext(true);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void htmxInteractionsWorkUnderTheContentSecurityPolicy() {
        logInAsAdmin();
        page.navigate("/members");
        page.evaluate("() => { window.__marker = 'same-page'; }");

        page.getByRole(AriaRole.SEARCHBOX)
            .pressSequentially("mia", new Locator.PressSequentiallyOptions().setDelay(30));
        page.waitForURL(Pattern.compile(".*/members\\?q=mia.*"));
        assertThat(page.locator("#members-table tr[data-member-id]")).hasCount(1);

        Locator row = page.locator("#members-table tr[data-member-id='" + StubUpstreams.MEMBER_ID + "']");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit").setExact(true)).click();
        page.locator("#members-table input[name='name']").fill("Mia Edited");
        page.locator("#members-table")
            .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true))
            .click();
        assertThat(page.locator("#members-table input[name='name']")).hasCount(0);

        page.onDialog(dialog -> dialog.accept());
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true)).click();
        assertThat(row).hasCount(0);

        Locator form = page.locator("#member-create-form");
        form.getByLabel("Email").fill("new@example.com");
        form.getByLabel("Name").fill("New Member");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add member")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Member added");

        assertThat(page.evaluate("() => window.__marker")).isEqualTo("same-page");
        assertThat(stubs.gatewayRequests("PUT", "/api/members/")).hasSize(1);
        assertThat(stubs.gatewayRequests("DELETE", "/api/members/")).hasSize(1);
        assertThat(stubs.gatewayRequests("POST", "/api/members")).hasSize(1);
        assertThat(problems).isEmpty();
    }

    @Test
    void validationErrorsAreSwappedInAndTheFirstInvalidFieldIsFocused() {
        logInAsAdmin();
        page.navigate("/members");

        page.locator("#member-create-form")
            .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add member"))
            .click();

        assertThat(page.locator("#email-error")).isVisible();
        assertThat(page.locator("#member-create-form input[name='email']")).isFocused();
        assertThat(problems).isEmpty();
    }

    @Test
    void logoutReturnsToTheLoginPage() {
        logInAsAdmin();
        String sessionBefore = context.cookies()
            .stream()
            .filter(c -> c.name.equals(COOKIE))
            .findFirst()
            .orElseThrow().value;

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();

        page.waitForURL(Pattern.compile(".*/login\\?logout"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("logged out");
        assertThat(context.cookies().stream().filter(c -> c.name.equals(COOKIE)).map(c -> c.value))
            .doesNotContain(sessionBefore);
        assertThat(sessionExists(sessionBefore)).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void changingThePasswordWithHtmxShowsFieldErrorsThenReturnsToTheLogin() {
        logInAsAdmin();
        page.navigate("/profile");
        page.evaluate("() => { window.__marker = 'same-page'; }");
        Locator form = page.locator("#password-form");

        form.getByLabel("Current password").fill("not my password");
        form.getByLabel("New password").fill("a brand new long passphrase");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change password")).click();

        assertThat(page.locator("#current_password-error")).isVisible();
        assertThat(page.locator("#password-form input[name='current_password']")).isFocused();
        assertThat(page.evaluate("() => window.__marker")).isEqualTo("same-page");

        page.locator("#password-form").getByLabel("Current password").fill(StubUpstreams.PASSWORD);
        page.locator("#password-form").getByLabel("New password").fill("a brand new long passphrase");
        page.locator("#password-form")
            .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change password"))
            .click();

        page.waitForURL(Pattern.compile(".*/login\\?password-changed"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Password changed. Please log in again.");
        assertThat(problems).isEmpty();
    }

    @Test
    void pagesWorkWithJavaScriptTurnedOff() {
        closeContext();
        newContext(false);
        logInAsAdmin();
        page.navigate("/members");

        page.getByRole(AriaRole.SEARCHBOX).fill("mia");
        page.getByRole(AriaRole.SEARCHBOX).press("Enter");
        page.waitForURL(Pattern.compile(".*/members\\?q=mia.*"));

        page.locator("#members-table tr[data-member-id] button:text-is('Delete')").click();
        page.waitForURL(Pattern.compile(".*/members/.*/delete"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/members\\?deleted"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Member deleted");
        assertThat(stubs.gatewayRequests("DELETE", "/api/members/")).hasSize(1);
    }

    private void newContext(boolean javaScript) {
        context = chromium.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
            .setJavaScriptEnabled(javaScript));
        page = context.newPage();
        page.onConsoleMessage(message -> {
            boolean expectedHttpError = message.text()
                .startsWith("Failed to load resource: the server responded with a status of 422");
            if ((message.type().equals("error") && !expectedHttpError)
                    || message.text().contains("Content Security Policy")) {
                problems.add(message.text());
            }
        });
        page.onPageError(error -> problems.add(error));
    }

    private void logInAsAdmin() {
        page.navigate("/login");
        page.getByLabel("Email").fill(StubUpstreams.ADMIN_EMAIL);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(StubUpstreams.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url -> !url.contains("/login"));
    }

}
