package com.acme.shop.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;

/**
 * The shop's pages in a real Chromium against web-ui and the stub gateway: axe-core (WCAG
 * 2.2 A/AA, zero violations) on every page at 375 px and at desktop width (with
 * screenshots in target/screenshots), the htmx interactions under the CSP, a double click
 * on "Pay", and the whole purchase without JavaScript.
 */
class ShopBrowserIT extends WebUiIT {

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    static final Path SCREENSHOTS = Path.of("target/screenshots");

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

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void everyShopPageHasNoAccessibilityViolationsOnAPhoneAndOnADesktop() {
        newContext(true);
        check("catalog-anonymous", "/products");
        check("product-anonymous", "/products/" + ShopStub.MUG_ID);

        logIn(StubUpstreams.USER_EMAIL);
        putInCart(ShopStub.MUG_ID, 2);
        putInCart(ShopStub.LAMP_ID, 1);
        check("catalog", "/products");
        check("catalog-search", "/products?q=lamp");
        check("product", "/products/" + ShopStub.MUG_ID);
        check("product-sold-out", "/products/" + ShopStub.XSS_ID);
        check("cart", "/cart");
        check("checkout", "/checkout");

        page.navigate("/checkout");
        page.getByLabel("Card number").fill("4000 0000 0000 0002");
        page.getByLabel("Expiry date (MM/YY)").fill("12/30");
        page.getByLabel("Security code (CVC)").fill("123");
        page.locator("#pay-button").click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your card was declined");
        checkCurrent("checkout-declined");

        page.getByLabel("Card number").fill("12");
        page.locator("#pay-button").click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.locator("#cardNumber")).isFocused();
        checkCurrent("checkout-invalid");

        payWith("4242 4242 4242 4242");
        check("order", "/orders/" + ShopStub.ORDER_ID);
        check("orders", "/orders");
        check("cart-empty", "/cart");
        check("home-with-orders", "/");
        stubs.shop.productsDown.set(true);
        stubs.shop.ordersDown.set(true);
        check("home-degraded", "/");
        stubs.shop.productsDown.set(false);
        stubs.shop.ordersDown.set(false);

        context.close();
        newContext(true);
        logIn(StubUpstreams.ADMIN_EMAIL);
        check("home-admin", "/");
        check("admin-products", "/admin/products");
        check("admin-product-new", "/admin/products/new");
        check("admin-product-edit", "/admin/products/" + ShopStub.MUG_ID);
        assertThat(problems).isEmpty();
    }

    @Test
    void addToCartUpdatesTheBadgeWithoutAPageLoadAndTheCartChangesInPlace() {
        newContext(true);
        logIn(StubUpstreams.USER_EMAIL);
        page.navigate("/products");
        page.getByLabel("Search products").fill("lamp");
        assertThat(page.locator(".product-card")).hasCount(1);
        assertThat(page).hasURL(Pattern.compile(".*/products\\?q=lamp.*"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Desk Lamp")).click();
        page.waitForURL(Pattern.compile(".*/products/" + ShopStub.LAMP_ID));
        page.evaluate("() => { window.__sameDocument = true; }");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();

        assertThat(page.locator("#cart-status")).containsText("Added to your cart.");
        assertThat(page.locator("#cart-badge .badge")).hasText("1");
        assertThat(page.locator("#cart-badge")).containsText("1 item");
        // the answer renewed the form's idempotency key: a second click is a second add
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
        assertThat(page.locator("#cart-badge .badge")).hasText("2");
        assertThat(stubs.gatewayRequests("POST", "/api/cart/items")).hasSize(2)
            .extracting(request -> request.header("idempotency-key"))
            .doesNotHaveDuplicates()
            .doesNotContainNull();
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Cart"))).click();
        page.waitForURL(Pattern.compile(".*/cart"));
        page.evaluate("() => { window.__sameDocument = true; }");
        page.getByLabel("Quantity of Desk Lamp").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update Desk Lamp")).click();
        assertThat(page.locator("#cart-total")).hasText("€90.00");
        assertThat(page.locator("#cart-badge .badge")).hasText("2");
        assertThat(page.locator("#cart-status")).hasText("Cart updated.");

        page.getByLabel("Quantity of Desk Lamp").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update Desk Lamp")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Only 2 of Desk Lamp in stock");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Desk Lamp")).click();
        assertThat(page.locator("#cart-panel")).containsText("Your cart is empty.");
        assertThat(page.locator("#cart-badge .badge")).hasCount(0);
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
        assertThat(problems).isEmpty();
    }

    @Test
    void aDoubleClickOnPayPlacesOneOrder() {
        newContext(true);
        logIn(StubUpstreams.USER_EMAIL);
        putInCart(ShopStub.MUG_ID, 1);
        page.navigate("/checkout");
        page.getByLabel("Card number").fill("4242 4242 4242 4242");
        page.getByLabel("Expiry date (MM/YY)").fill("12/30");
        page.getByLabel("Security code (CVC)").fill("123");

        page.locator("#pay-button").dblclick();
        page.waitForURL(Pattern.compile(".*/orders/" + ShopStub.ORDER_ID + "\\?placed"));

        assertThat(page.locator("#order-status")).hasText("Paid");
        assertThat(stubs.shop.orders).hasSize(1);
        assertThat(stubs.gatewayRequests("POST", "/api/orders")).hasSize(1);
    }

    @Test
    void theWholePurchaseWorksWithoutJavaScript() {
        newContext(false);
        logIn(StubUpstreams.USER_EMAIL);
        page.navigate("/products?q=mug");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enamel Camp Mug")).click();
        page.getByLabel("Quantity").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
        page.waitForURL(Pattern.compile(".*\\?added"));
        assertThat(page.locator("#cart-badge .badge")).hasText("2");

        page.navigate("/cart");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to checkout")).click();
        page.waitForURL(Pattern.compile(".*/checkout"));
        payWith("4242 4242 4242 4242");

        assertThat(page.locator("#order-status")).hasText("Paid");
        assertThat(page.locator("#order-total")).hasText("€39.98");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Thank you");
    }

    // --- helpers
    // ------------------------------------------------------------------------

    private void payWith(String card) {
        page.getByLabel("Card number").fill(card);
        page.getByLabel("Expiry date (MM/YY)").fill("12/30");
        page.getByLabel("Security code (CVC)").fill("123");
        page.locator("#pay-button").click();
        page.waitForURL(Pattern.compile(".*/orders/.*"));
    }

    private void putInCart(String productId, int quantity) {
        stubs.shop.carts
            .computeIfAbsent(stubs.users.get(StubUpstreams.USER_EMAIL).id(), id -> new ConcurrentHashMap<>())
            .put(productId, quantity);
    }

    private void check(String name, String path) {
        page.navigate(path);
        checkCurrent(name);
    }

    /** axe on the current page at both widths, with a screenshot of each. */
    private void checkCurrent(String name) {
        for (int width : new int[] { 375, 1280 }) {
            page.setViewportSize(width, 900);
            page.waitForLoadState(LoadState.NETWORKIDLE);
            List<Rule> violations = new AxeBuilder(page).withTags(WCAG_22_AA).analyze().getViolations();
            assertThat(violations).as(name + " @" + width + "px:\n" + describe(violations)).isEmpty();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + ".png"))
                .setFullPage(true));
        }
    }

    static String describe(List<Rule> violations) {
        return violations.stream()
            .map(rule -> "- " + rule.getId() + ": " + rule.getHelp() + "\n"
                    + rule.getNodes()
                        .stream()
                        .map(node -> "    " + node.getTarget() + " " + node.getFailureSummary())
                        .collect(Collectors.joining("\n")))
            .collect(Collectors.joining("\n"));
    }

    private void newContext(boolean javaScript) {
        context = chromium.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
            .setJavaScriptEnabled(javaScript));
        page = context.newPage();
        page.onConsoleMessage(message -> {
            boolean expectedHttpError = message.text().startsWith("Failed to load resource");
            if ((message.type().equals("error") && !expectedHttpError)
                    || message.text().contains("Content Security Policy")) {
                problems.add(message.text());
            }
        });
        page.onPageError(error -> problems.add(error));
    }

    private void logIn(String email) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(StubUpstreams.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url -> !url.contains("/login"));
    }

}
