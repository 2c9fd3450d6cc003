package com.acme.shop.e2e;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole purchase with JavaScript turned off, through the real stack (web-ui → gateway
 * → auth, product, order → payment): every step is a plain link, a GET form or a POST
 * form that redirects (progressive enhancement, shop.md "web-ui pages").
 */
@JavaScriptDisabled
class ShopNoJavaScriptIT extends BrowserTest {

    private static final Pattern ORDER_URL = Pattern.compile(".*/orders/([0-9a-f-]{36})\\?placed$");

    @Test
    void registersSearchesFillsAndChangesTheCartAndPaysWithoutJavaScript() {
        // register (signs in at once), then log out to shop as a visitor first
        TestUser user = registerInTheBrowser("nojs-buyer");
        expectWelcome(user.name());
        logout();

        // the catalog is public: search with the form (a GET submit), open the product
        page.navigate("/products");
        page.getByLabel("Search products").fill("lamp");
        button("Search").click();
        page.waitForURL(Pattern.compile(".*/products\\?.*q=lamp.*"));
        assertThat(page.locator(".product-card")).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Desk Lamp")).click();
        page.waitForURL(Pattern.compile(".*/products/" + Api.LAMP_ID));

        // adding needs a login, which comes back to the product
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in to add to cart")).click();
        page.waitForURL(Pattern.compile(".*/login\\?next=.*"));
        submitLogin(user);
        page.waitForURL(Pattern.compile(".*/products/" + Api.LAMP_ID + "$"));

        // "Add to cart" is a plain POST answered with a redirect back to the product
        button("Add to cart").click();
        page.waitForURL(Pattern.compile(".*/products/" + Api.LAMP_ID + "\\?added$"));
        assertThat(page.locator("#cart-status")).containsText("Added to your cart.");
        assertThat(page.locator("#cart-badge .badge")).hasText("1");

        page.navigate("/products/" + Api.MUG_ID);
        page.getByLabel("Quantity").fill("2");
        button("Add to cart").click();
        page.waitForURL(Pattern.compile(".*/products/" + Api.MUG_ID + "\\?added$"));
        assertThat(page.locator("#cart-badge .badge")).hasText("3");

        // the cart: change a quantity, remove a line (forms, redirect to /cart)
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View cart")).click();
        page.waitForURL(Pattern.compile(".*/cart$"));
        assertThat(cartLines()).hasCount(2);
        Locator lamp = cartLine(Api.LAMP_ID);
        lamp.getByLabel("Quantity of Desk Lamp").fill("3");
        button(lamp, "Update Desk Lamp").click();
        page.waitForURL(Pattern.compile(".*/cart$"));
        assertThat(cartLine(Api.LAMP_ID).getByLabel("Quantity of Desk Lamp")).hasValue("3");
        assertThat(page.locator("#cart-badge .badge")).hasText("5");
        button(cartLine(Api.MUG_ID), "Remove Enamel Camp Mug").click();
        page.waitForURL(Pattern.compile(".*/cart$"));
        assertThat(cartLines()).hasCount(1);
        assertThat(page.locator("#cart-panel")).not().containsText("Enamel Camp Mug");
        assertThat(page.locator("#cart-total")).hasText("€177.00");
        assertThat(page.locator("#cart-badge .badge")).hasText("3");

        // a declined card: the readable reason, nothing ordered, the cart kept
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to checkout")).click();
        page.waitForURL(Pattern.compile(".*/checkout$"));
        assertThat(page.locator("#checkout-total")).hasText("€177.00");
        fillCard("4000 0000 0000 0002");
        page.locator("#pay-button").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your card was declined");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("your cart is unchanged");
        assertThat(page.locator("#checkout-total")).hasText("€177.00");
        String token = api.login(user.email(), user.password());
        assertEquals(3, Api.ok(api.call("GET", "/api/cart", token), 200).get("itemCount").asInt());

        // the test card that succeeds: the order page says Paid, the cart is empty
        fillCard("4242 4242 4242 4242");
        page.locator("#pay-button").click();
        page.waitForURL(ORDER_URL);
        String paidId = orderId(page.url());
        assertThat(page.locator("#order-status")).hasText("Paid");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your order has been placed");
        assertThat(page.locator("#order-items")).containsText("Desk Lamp");
        assertThat(page.locator("#order-total")).hasText("€177.00");
        assertThat(page.locator("#cart-badge .badge")).hasCount(0);
        page.navigate("/cart");
        assertThat(page.locator("#cart-panel")).containsText("Your cart is empty.");

        // the history: the paid order and the declined attempt (PAYMENT_FAILED, shop.md
        // "Orders"), nothing more; the API agrees
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Orders").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/orders$"));
        assertThat(page.locator("tr[data-order-id]")).hasCount(2);
        assertThat(page.locator("tr[data-order-id='" + paidId + "']")).containsText("Paid");
        assertThat(page.locator("tr[data-order-id]:not([data-order-id='" + paidId + "'])"))
            .containsText("Payment failed");
        JsonNode orders = Api.ok(api.call("GET", "/api/orders", token), 200);
        assertEquals(2, orders.get("page").get("totalElements").asLong(), orders.toString());
        JsonNode paid = Api.ok(api.call("GET", "/api/orders/" + paidId, token), 200);
        assertEquals("PAID", paid.get("status").asString());
        assertEquals("4242", paid.get("payment").get("last4").asString());
        assertEquals(3, paid.get("items").get(0).get("quantity").asInt());
        assertEquals(17700, paid.get("total").get("amount").asLong(), paid.toString());
    }

    @Test
    void submittingTheSameCheckoutFormAgainEndsOnTheSameOrder() {
        TestUser user = loginAsNewUser("nojs-resubmit");
        String token = api.login(user.email(), user.password());
        api.putInCart(token, Api.MUG_ID, 1);

        page.navigate("/checkout");
        fillCard("4242 4242 4242 4242");
        // what the browser sends, and sends again when the POST's result is reloaded
        // ("Confirm form resubmission") or the button is pressed twice without JS
        FormData resubmission = FormData.create()
            .set("_csrf", hidden("_csrf"))
            .set("idempotencyKey", hidden("idempotencyKey"))
            .set("cardNumber", "4242 4242 4242 4242")
            .set("expiry", "12/39")
            .set("cvc", "123");
        page.locator("#pay-button").click();
        page.waitForURL(ORDER_URL);
        assertThat(page.locator("#order-status")).hasText("Paid");
        String orderId = orderId(page.url());

        APIResponse again = page.request()
            .post("/checkout", RequestOptions.create().setForm(resubmission).setMaxRedirects(0));
        assertEquals(303, again.status(), again.text());
        String location = again.headers().get("location");
        assertTrue(location != null && location.endsWith("/orders/" + orderId + "?placed"),
                "the resubmitted form goes to the same order, not a new one: " + location);

        page.reload();
        assertThat(page.locator("#order-status")).hasText("Paid");
        JsonNode orders = Api.ok(api.call("GET", "/api/orders", token), 200);
        assertEquals(1, orders.get("page").get("totalElements").asLong(), orders.toString());
        assertEquals(orderId, orders.get("content").get(0).get("id").asString());
    }

    /**
     * Registers through the page ({@code /register}, a plain form) and returns the user.
     */
    private TestUser registerInTheBrowser(String label) {
        TestUser user = TestUser.random(label);
        page.navigate("/register");
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Name").fill(user.name());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(user.password());
        button("Create account").click();
        page.waitForURL(url -> !url.contains("/register"));
        return user;
    }

    private void submitLogin(TestUser user) {
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(user.password());
        button("Log in").click();
    }

    private void fillCard(String card) {
        page.getByLabel("Card number").fill(card);
        page.getByLabel("Expiry date (MM/YY)").fill("12/39");
        page.getByLabel("Security code (CVC)").fill("123");
    }

    private String hidden(String name) {
        return page.locator("#checkout-form input[name='" + name + "']").inputValue();
    }

    private Locator cartLines() {
        return page.locator("#cart-table tbody tr");
    }

    private Locator cartLine(String productId) {
        return page.locator("#cart-table tr[data-product-id='" + productId + "']");
    }

    private static String orderId(String url) {
        Matcher matcher = ORDER_URL.matcher(url);
        assertTrue(matcher.matches(), url);
        return matcher.group(1);
    }

}
