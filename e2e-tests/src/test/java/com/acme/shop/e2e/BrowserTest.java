package com.acme.shop.e2e;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Base of every browser suite: the platform (started once per run), a fresh context and
 * page per test, and the few steps most scenarios share. Locators follow the markup in
 * docs/contracts.md ("web-ui pages"), by role, label and text.
 */
@ExtendWith(BrowserExtension.class)
abstract class BrowserTest {

    static {
        PlaywrightAssertions.setDefaultAssertionTimeout(BrowserExtension.TIMEOUT_MS * 2 / 3);
    }

    protected E2ePlatform shop;

    protected Api api;

    protected BrowserContext context;

    protected Page page;

    final void attach(E2ePlatform shop, BrowserContext context, Page page) {
        this.shop = shop;
        this.api = shop.api;
        this.context = context;
        this.page = page;
    }

    protected void login(String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    protected void loginAsAdmin() {
        login(shop.platform.adminEmail(), shop.platform.adminPassword());
    }

    /** Registers a USER through the API and logs in through the browser. */
    protected TestUser loginAsNewUser(String label) {
        TestUser user = api.registerUser(label);
        login(user.email(), user.password());
        return user;
    }

    protected Locator heading() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    protected void expectWelcome(String name) {
        assertThat(heading()).containsText("Welcome, " + name);
    }

    protected Locator membersTable() {
        return page.locator("#members-table");
    }

    protected Locator memberRow(String id) {
        return page.locator("#members-table tr[data-member-id='" + id + "']");
    }

    protected Locator memberRows() {
        return page.locator("#members-table tr[data-member-id]");
    }

    protected Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    protected Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    protected void logout() {
        button("Log out").click();
        page.waitForURL(Pattern.compile(".*/login.*"));
    }

}
