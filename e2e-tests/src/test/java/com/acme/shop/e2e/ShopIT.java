package com.acme.shop.e2e;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shop in a browser through the real stack (web-ui → gateway → product, order →
 * payment): browse and search, add to the cart without a page load, pay, a declined card,
 * and a double-clicked Pay button.
 */
class ShopIT extends BrowserTest {

    @Test
    void browseSearchAddToCartAndPayWithATestCard() {
        loginAsNewUser("shopper");
        page.navigate("/products");
        page.getByLabel("Search products").fill("lamp");
        assertThat(page.locator(".product-card")).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Desk Lamp")).click();
        page.waitForURL(Pattern.compile(".*/products/" + Api.LAMP_ID));

        page.evaluate("() => { window.__sameDocument = true; }");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
        assertThat(page.locator("#cart-status")).containsText("Added to your cart.");
        assertThat(page.locator("#cart-badge .badge")).hasText("1");
        assertEquals(true, page.evaluate("() => window.__sameDocument === true"));

        page.navigate("/checkout");
        payWith("4242 4242 4242 4242");
        page.waitForURL(Pattern.compile(".*/orders/[0-9a-f-]{36}.*"));
        assertThat(page.locator("#order-status")).hasText("Paid");
        assertThat(page.locator("#cart-badge .badge")).hasCount(0);
    }

    @Test
    void aDeclinedCardShowsTheMessageAndKeepsTheCart() {
        TestUser user = loginAsNewUser("declined");
        api.putInCart(api.login(user.email(), user.password()), Api.MUG_ID, 1);
        page.navigate("/checkout");
        payWith("4000 0000 0000 0002");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your card was declined");
        page.navigate("/cart");
        assertThat(page.locator("#cart-panel")).containsText("Enamel Camp Mug");
        assertThat(page.locator("#cart-badge .badge")).hasText("1");
    }

    @Test
    void aDoubleClickOnPayPlacesOneOrder() {
        TestUser user = loginAsNewUser("double");
        String token = api.login(user.email(), user.password());
        api.putInCart(token, Api.MUG_ID, 1);
        page.navigate("/checkout");
        page.getByLabel("Card number").fill("4242 4242 4242 4242");
        page.getByLabel("Expiry date (MM/YY)").fill("12/39");
        page.getByLabel("Security code (CVC)").fill("123");
        page.locator("#pay-button").dblclick();
        page.waitForURL(Pattern.compile(".*/orders/[0-9a-f-]{36}.*"));
        assertThat(page.locator("#order-status")).hasText("Paid");
        JsonNode orders = Api.ok(api.call("GET", "/api/orders", token), 200);
        assertEquals(1, orders.get("page").get("totalElements").asLong(), orders.toString());
    }

    private void payWith(String card) {
        page.getByLabel("Card number").fill(card);
        page.getByLabel("Expiry date (MM/YY)").fill("12/39");
        page.getByLabel("Security code (CVC)").fill("123");
        page.locator("#pay-button").click();
    }

}
