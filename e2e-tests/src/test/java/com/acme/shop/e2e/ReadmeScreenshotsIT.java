package com.acme.shop.e2e;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Refreshes the README screenshots in {@code docs/images/}. Runs only with
 * {@code -De2e.screenshots=true}, so ordinary and CI runs never rewrite them.
 */
@EnabledIfSystemProperty(named = "e2e.screenshots", matches = "true")
@Order(1) // before the other suites add their test data
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeScreenshotsIT extends BrowserTest {

    @Test
    @Order(1) // before capturesTheShop registers its shopper (the members page shows
              // only seeded data)
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

    /**
     * The shop as a shopper sees it: the catalog, a product, a cart with two lines, the
     * checkout with a test card filled in, and the paid order.
     */
    @Test
    @Order(2)
    void capturesTheShop() {
        Path images = E2ePlatform.repoRoot().resolve("docs/images");
        TestUser user = loginAsNewUser("shopper");

        page.navigate("/products");
        assertThat(page.locator(".product-card").first()).isVisible();
        // the first screen of the grid: the full page (20 cards) would be a large file
        capture(images.resolve("catalog.png"), false);

        page.navigate("/products/" + Api.LAMP_ID);
        assertThat(heading()).hasText("Desk Lamp");
        capture(images.resolve("product.png"));

        String token = api.login(user.email(), user.password());
        api.putInCart(token, Api.LAMP_ID, 1);
        api.putInCart(token, Api.MUG_ID, 2);
        page.navigate("/cart");
        assertThat(page.locator("#cart-table tbody tr")).hasCount(2);
        capture(images.resolve("cart.png"));

        page.navigate("/checkout");
        page.getByLabel("Card number").fill("4242 4242 4242 4242");
        page.getByLabel("Expiry date (MM/YY)").fill("12/39");
        page.getByLabel("Security code (CVC)").fill("123");
        capture(images.resolve("checkout.png"));

        page.locator("#pay-button").click();
        page.waitForURL(Pattern.compile(".*/orders/[0-9a-f-]{36}.*"));
        assertThat(page.locator("#order-status")).hasText("Paid");
        capture(images.resolve("order.png"));
    }

    private void capture(Path file) {
        capture(file, true);
    }

    private void capture(Path file, boolean fullPage) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(fullPage));
    }

}
