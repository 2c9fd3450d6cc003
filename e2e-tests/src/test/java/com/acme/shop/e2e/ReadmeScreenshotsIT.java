package com.acme.shop.e2e;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Refreshes the README screenshots in {@code docs/images/}. Runs only with
 * {@code -De2e.screenshots=true}, so ordinary and CI runs never rewrite them.
 */
@EnabledIfSystemProperty(named = "e2e.screenshots", matches = "true")
@Order(1) // before the other suites add their test data
class ReadmeScreenshotsIT extends BrowserTest {

    @Test
    void capturesTheMainPages() {
        Path images = E2ePlatform.repoRoot().resolve("docs/images");

        page.navigate("/login");
        capture(images.resolve("login.png"));

        loginAsAdmin();
        assertThat(heading()).containsText("Welcome,");
        capture(images.resolve("home.png"));

        page.navigate("/members");
        assertThat(memberRows().first()).isVisible();
        capture(images.resolve("members.png"));

        page.navigate("/profile");
        capture(images.resolve("profile.png"));
    }

    private void capture(Path file) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

}
