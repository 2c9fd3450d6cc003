package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's pages against the stub gateway: catalog, product, cart, checkout, orders and
 * product administration; htmx fragments and the same flows without JS; 402, 409, 412 and
 * 503 answers; CSRF, sign-in redirects and escaping.
 */
class ShopPagesIT extends WebUiIT {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

    private static final String MUG = "/products/" + ShopStub.MUG_ID;

    private static final String LAMP = "/products/" + ShopStub.LAMP_ID;

    // --- catalog
    // ------------------------------------------------------------------------

    @Test
    void catalogIsPublicWithPricesStockAndImages() {
        EntityExchangeResult<String> page = browser().get("/products");

        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(page.getResponseBody()).contains("<h1>Shop</h1>")
            .contains("Enamel Camp Mug")
            .contains("€19.99")
            .contains("Only 2 left")
            .contains("Sold out")
            .contains("In stock")
            .contains("src=\"/images/products/mug-1.svg\"")
            .contains(">Log in</a>");
        assertThat(stubs.gatewayRequests("GET", "/api/products")).last()
            .satisfies(request -> assertThat(request.headers().get("authorization")).isNull());
    }

    @Test
    void pricesFollowTheReadersLocale() {
        String page = client().get()
            .uri("/products")
            .header("Accept-Language", "de-DE")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

        assertThat(page).contains("19,99\u00a0€");
    }

    @Test
    void searchAsYouTypeAnswersTheResultsFragment() {
        EntityExchangeResult<String> results = browser().get("/products?q=lamp&sort=price,desc", HTMX);

        assertThat(results.getResponseBody()).doesNotContain("<html")
            .contains("id=\"product-results\"")
            .contains("Desk Lamp")
            .doesNotContain("Enamel Camp Mug")
            .containsPattern("id=\"search-status\" hx-swap-oob=\"innerHTML\">1 product found<");
        assertThat(results.getResponseHeaders().getVary()).contains("HX-Request");
        assertThat(stubs.gatewayRequests("GET", "/api/products")).last()
            .satisfies(request -> assertThat(request.uri()).contains("q=lamp").contains("sort=price,desc"));
    }

    @Test
    void searchWithoutJavaScriptIsAPlainGetForm() {
        String page = browser().get("/products?q=mug").getResponseBody();

        assertThat(page).contains("<form id=\"product-search\"")
            .contains("method=\"get\" action=\"/products\"")
            .contains("value=\"mug\"")
            .contains("Enamel Camp Mug");
    }

    @Test
    void productNamesAreEscaped() {
        String page = browser().get("/products").getResponseBody();

        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;Mug").doesNotContain("<img src=x");
        assertThat(browser().get("/products/" + ShopStub.XSS_ID).getResponseBody())
            .doesNotContain("<img src=x onerror");
    }

    @Test
    void catalogSaysSoWhenTheProductServiceIsDown() {
        stubs.shop.productsDown.set(true);

        EntityExchangeResult<String> page = browser().get("/products");

        assertThat(page.getStatus().value()).isEqualTo(503);
        assertThat(page.getResponseBody()).contains("The catalog is unavailable right now");
    }

    @Test
    void productPageAsksAnonymousVisitorsToLogInAndComeBack() {
        String page = browser().get(MUG).getResponseBody();

        assertThat(page).contains("<h1>Enamel Camp Mug</h1>")
            .contains("href=\"/login?next=/products/" + ShopStub.MUG_ID + "\"")
            .doesNotContain("id=\"add-to-cart\"");

        Browser visitor = browser();
        visitor.get("/login?next=" + MUG);
        EntityExchangeResult<String> login = visitor.post("/login", Map.of("email", StubUpstreams.USER_EMAIL,
                "password", StubUpstreams.PASSWORD, "next", MUG, "_csrf", visitor.csrf()));
        assertThat(login.getResponseHeaders().getLocation()).hasToString(MUG);
    }

    @Test
    void unknownOrMalformedProductIsNotFound() {
        assertThat(browser().get("/products/not-a-uuid").getStatus().value()).isEqualTo(404);
        assertThat(browser().get("/products/aaaaaaaa-0000-4000-8000-0000000000ff").getStatus().value()).isEqualTo(404);
    }

    // --- cart
    // ---------------------------------------------------------------------------

    @Test
    void addToCartWithoutJavaScriptRedirectsBackAndTheBadgeCounts() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        assertThat(user.get(MUG).getResponseBody()).contains("id=\"add-to-cart\"").doesNotContain("class=\"badge\"");

        EntityExchangeResult<String> add = user.post("/cart/items",
                Map.of("productId", ShopStub.MUG_ID, "quantity", "2", "_csrf", user.csrf()));

        assertThat(add.getStatus().value()).isEqualTo(303);
        assertThat(add.getResponseHeaders().getLocation()).hasToString(MUG + "?added");
        assertThat(stubs.gatewayRequests("POST", "/api/cart/items")).singleElement()
            .satisfies(request -> assertThat(json(request.body()))
                .isEqualTo(Map.of("productId", ShopStub.MUG_ID, "quantity", 2)));
        assertThat(stubs.gatewayRequests("PUT", "/api/cart")).isEmpty();
        String page = user.get(MUG + "?added").getResponseBody();
        assertThat(page).contains("Added to your cart.")
            .containsPattern("<span class=\"badge\"[^>]*>2</span><span class=\"visually-hidden\">, 2 items</span>");
        assertThat(stubs.gatewayRequests("GET", "/api/cart"))
            .as("once per page for the badge (two pages); the add itself reads nothing")
            .hasSize(2);
    }

    @Test
    void addToCartWithHtmxUpdatesTheBadgeOutOfBand() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        user.get(MUG);
        user.post("/cart/items", Map.of("productId", ShopStub.MUG_ID, "_csrf", user.csrf()));

        EntityExchangeResult<String> add = user.post("/cart/items", Map.of("productId", ShopStub.MUG_ID),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", user.csrf()));

        assertThat(add.getStatus().value()).isEqualTo(200);
        assertThat(add.getResponseBody()).doesNotContain("<html")
            .contains("Added to your cart.")
            .containsPattern(
                    "<span id=\"cart-badge\" class=\"cart-badge\" hx-swap-oob=\"true\"><span class=\"badge\"[^>]*>2<");
        assertThat(stubs.gatewayRequests("POST", "/api/cart/items")).last()
            .satisfies(request -> assertThat(json(request.body()))
                .isEqualTo(Map.of("productId", ShopStub.MUG_ID, "quantity", 1)));
        assertThat(stubs.gatewayRequests("PUT", "/api/cart")).isEmpty();
    }

    @Test
    void twoAddsOfTheSameProductAreTwoAtomicAddsNotAReadAndASet() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        user.get(MUG);
        int cartReadsBefore = stubs.gatewayRequests("GET", "/api/cart").size();

        EntityExchangeResult<String> first = user.post("/cart/items",
                Map.of("productId", ShopStub.MUG_ID, "_csrf", user.csrf()));
        EntityExchangeResult<String> second = user.post("/cart/items", Map.of("productId", ShopStub.MUG_ID),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", user.csrf()));

        assertThat(first.getStatus().value()).isEqualTo(303);
        assertThat(second.getStatus().value()).isEqualTo(200);
        assertThat(stubs.gatewayRequests("POST", "/api/cart/items")).hasSize(2)
            .allSatisfy(request -> assertThat(json(request.body()))
                .isEqualTo(Map.of("productId", ShopStub.MUG_ID, "quantity", 1)));
        assertThat(stubs.gatewayRequests("PUT", "/api/cart")).isEmpty();
        assertThat(stubs.gatewayRequests("GET", "/api/cart")).as("no read-modify-write: the adds read no cart")
            .hasSize(cartReadsBefore);
        assertThat(stubs.shop.carts.get(stubs.users.get(StubUpstreams.USER_EMAIL).id())).containsEntry(ShopStub.MUG_ID,
                2);
        assertThat(second.getResponseBody()).containsPattern(
                "<span id=\"cart-badge\" class=\"cart-badge\" hx-swap-oob=\"true\"><span class=\"badge\"[^>]*>2<");
    }

    @Test
    void resubmittingTheSameAddFormAddsOnceAndShowsTheReplayAsASuccess() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        String key = idempotencyKey(user.get(MUG).getResponseBody());
        Map<String, String> form = Map.of("productId", ShopStub.MUG_ID, "idempotencyKey", key, "_csrf", user.csrf());

        EntityExchangeResult<String> first = user.post("/cart/items", form);
        EntityExchangeResult<String> again = user.post("/cart/items", form);
        EntityExchangeResult<String> htmxRetry = user.post("/cart/items",
                Map.of("productId", ShopStub.MUG_ID, "idempotencyKey", key),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", user.csrf()));

        assertThat(List.of(first, again)).allSatisfy(add -> {
            assertThat(add.getStatus().value()).isEqualTo(303);
            assertThat(add.getResponseHeaders().getLocation()).hasToString(MUG + "?added");
        });
        assertThat(htmxRetry.getStatus().value()).isEqualTo(200);
        assertThat(htmxRetry.getResponseBody()).contains("Added to your cart.")
            .containsPattern(
                    "<span id=\"cart-badge\" class=\"cart-badge\" hx-swap-oob=\"true\"><span class=\"badge\"[^>]*>1<");
        assertThat(stubs.gatewayRequests("POST", "/api/cart/items")).hasSize(3)
            .allSatisfy(request -> assertThat(request.header("idempotency-key")).isEqualTo(key));
        assertThat(stubs.shop.cartAdds).as("one add reached the cart").hasValue(1);
        assertThat(stubs.shop.carts.get(stubs.users.get(StubUpstreams.USER_EMAIL).id())).containsEntry(ShopStub.MUG_ID,
                1);
    }

    @Test
    void anAddWhoseTwinIsStillInFlightWaitsForItsAnswerInsteadOfSayingOutOfStock() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        String key = idempotencyKey(user.get(MUG).getResponseBody());
        stubs.shop.cartInFlightAnswers.set(2);

        EntityExchangeResult<String> add = user.post("/cart/items",
                Map.of("productId", ShopStub.MUG_ID, "idempotencyKey", key),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", user.csrf()));

        assertThat(add.getStatus().value()).isEqualTo(200);
        assertThat(add.getResponseBody()).contains("Added to your cart.").doesNotContain("in stock");
        assertThat(stubs.gatewayRequests("POST", "/api/cart/items")).hasSize(3);
        assertThat(stubs.shop.cartAdds).hasValue(1);
    }

    @Test
    void withoutJavaScriptThePageAfterTheRedirectCarriesANewKeySoTheNextAddCounts() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        String first = idempotencyKey(user.get(MUG).getResponseBody());

        user.post("/cart/items", Map.of("productId", ShopStub.MUG_ID, "idempotencyKey", first, "_csrf", user.csrf()));
        String second = idempotencyKey(user.get(MUG + "?added").getResponseBody());
        EntityExchangeResult<String> add = user.post("/cart/items",
                Map.of("productId", ShopStub.MUG_ID, "idempotencyKey", second, "_csrf", user.csrf()));

        assertThat(second).isNotEqualTo(first);
        assertThat(add.getStatus().value()).isEqualTo(303);
        assertThat(stubs.shop.cartAdds).hasValue(2);
        assertThat(stubs.shop.carts.get(stubs.users.get(StubUpstreams.USER_EMAIL).id())).containsEntry(ShopStub.MUG_ID,
                2);
    }

    @Test
    void withHtmxEachAnswerRenewsTheKeySoTwoDeliberateAddsCountAndARetryDoesNot() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        String pageKey = idempotencyKey(user.get(MUG).getResponseBody());
        Map<String, String> htmx = Map.of("HX-Request", "true", "X-CSRF-TOKEN", user.csrf());

        EntityExchangeResult<String> first = user.post("/cart/items",
                Map.of("productId", ShopStub.MUG_ID, "idempotencyKey", pageKey), htmx);
        String renewed = renewedKey(first.getResponseBody());
        EntityExchangeResult<String> second = user.post("/cart/items",
                Map.of("productId", ShopStub.MUG_ID, "idempotencyKey", renewed), htmx);
        EntityExchangeResult<String> retry = user.post("/cart/items",
                Map.of("productId", ShopStub.MUG_ID, "idempotencyKey", renewed), htmx);

        assertThat(renewed).isNotEqualTo(pageKey);
        assertThat(renewedKey(second.getResponseBody())).isNotIn(pageKey, renewed);
        assertThat(second.getResponseBody()).containsPattern(
                "<span id=\"cart-badge\" class=\"cart-badge\" hx-swap-oob=\"true\"><span class=\"badge\"[^>]*>2<");
        assertThat(retry.getStatus().value()).isEqualTo(200);
        assertThat(retry.getResponseBody()).contains("Added to your cart.");
        assertThat(stubs.shop.cartAdds).hasValue(2);
        assertThat(stubs.shop.carts.get(stubs.users.get(StubUpstreams.USER_EMAIL).id())).containsEntry(ShopStub.MUG_ID,
                2);
    }

    @Test
    void aRefusedAddRendersANewKey() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        String pageKey = idempotencyKey(user.get(LAMP).getResponseBody());

        EntityExchangeResult<String> htmx = user.post("/cart/items",
                Map.of("productId", ShopStub.LAMP_ID, "quantity", "5", "idempotencyKey", pageKey),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", user.csrf()));
        EntityExchangeResult<String> plain = user.post("/cart/items", Map.of("productId", ShopStub.LAMP_ID, "quantity",
                "5", "idempotencyKey", pageKey, "_csrf", user.csrf()));

        assertThat(htmx.getStatus().value()).isEqualTo(409);
        assertThat(renewedKey(htmx.getResponseBody())).isNotEqualTo(pageKey);
        assertThat(plain.getStatus().value()).isEqualTo(409);
        assertThat(idempotencyKey(plain.getResponseBody())).isNotEqualTo(pageKey);
    }

    @Test
    void addingBeyondTheStockWithSomeInTheCartIsRefusedAndChangesNothing() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        user.get(LAMP);
        user.post("/cart/items", Map.of("productId", ShopStub.LAMP_ID, "_csrf", user.csrf()));

        EntityExchangeResult<String> add = user.post("/cart/items",
                Map.of("productId", ShopStub.LAMP_ID, "quantity", "2"),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", user.csrf()));

        assertThat(add.getStatus().value()).isEqualTo(409);
        assertThat(add.getResponseBody()).contains("Only 2 of Desk Lamp in stock (1 in your cart already)")
            .doesNotContain("<html");
        assertThat(stubs.shop.carts.get(stubs.users.get(StubUpstreams.USER_EMAIL).id())).containsEntry(ShopStub.LAMP_ID,
                1);
    }

    @Test
    void addingMoreThanIsInStockSaysHowManyAreLeft() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        user.get(LAMP);

        EntityExchangeResult<String> htmx = user.post("/cart/items",
                Map.of("productId", ShopStub.LAMP_ID, "quantity", "5"),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", user.csrf()));
        EntityExchangeResult<String> plain = user.post("/cart/items",
                Map.of("productId", ShopStub.LAMP_ID, "quantity", "5", "_csrf", user.csrf()));

        assertThat(htmx.getStatus().value()).isEqualTo(409);
        assertThat(htmx.getResponseBody()).contains("Only 2 of Desk Lamp in stock").doesNotContain("<html");
        assertThat(plain.getStatus().value()).isEqualTo(409);
        assertThat(plain.getResponseBody()).contains("<h1>Desk Lamp</h1>")
            .containsPattern("role=\"alert\">Only 2 of Desk Lamp in stock<");
    }

    @Test
    void cartChangesInPlaceWithHtmxAndAsPlainForms() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        stubs.shop.carts.put(stubs.users.get(StubUpstreams.USER_EMAIL).id(),
                new java.util.concurrent.ConcurrentHashMap<>(Map.of(ShopStub.MUG_ID, 1, ShopStub.LAMP_ID, 1)));
        String cart = user.get("/cart").getResponseBody();
        assertThat(cart).contains("<h1>Your cart</h1>")
            .contains("id=\"cart-total\">€64.99<")
            .contains("<label for=\"qty-" + ShopStub.MUG_ID
                    + "\">Quantity<span class=\"visually-hidden\"> of Enamel Camp Mug</span></label>");

        EntityExchangeResult<String> update = user.post("/cart/items/" + ShopStub.MUG_ID, Map.of("quantity", "3"),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", user.csrf()));
        assertThat(update.getResponseBody()).doesNotContain("<html")
            .contains("id=\"cart-panel\"")
            .contains("id=\"cart-total\">€104.97<")
            .contains("hx-swap-oob=\"innerHTML\">Cart updated.<")
            .containsPattern("id=\"cart-badge\"[^>]*hx-swap-oob=\"true\"><span class=\"badge\"[^>]*>4<");

        EntityExchangeResult<String> remove = user.post("/cart/items/" + ShopStub.LAMP_ID + "/remove",
                Map.of("_csrf", user.csrf()));
        assertThat(remove.getStatus().value()).isEqualTo(303);
        assertThat(remove.getResponseHeaders().getLocation()).hasToString("/cart");
        assertThat(user.get("/cart").getResponseBody()).doesNotContain("Desk Lamp").contains("€59.97");
    }

    @Test
    void aQuantityOutOfRangeIsRefusedWithoutCallingTheGateway() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        user.get("/cart");

        EntityExchangeResult<String> update = user.post("/cart/items/" + ShopStub.MUG_ID,
                Map.of("quantity", "100", "_csrf", user.csrf()));

        assertThat(update.getStatus().value()).isEqualTo(422);
        assertThat(update.getResponseBody()).contains("Enter a quantity from 1 to 99.");
        assertThat(stubs.gatewayRequests("PUT", "/api/cart")).isEmpty();
    }

    @Test
    void cartChangesNeedTheCsrfToken() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        user.get(MUG);

        EntityExchangeResult<String> add = user.post("/cart/items", Map.of("productId", ShopStub.MUG_ID));

        assertThat(add.getStatus().value()).isEqualTo(403);
        assertThat(stubs.gatewayRequests("PUT", "/api/cart")).isEmpty();
        assertThat(stubs.gatewayRequests("POST", "/api/cart")).isEmpty();
    }

    @Test
    void cartCheckoutAndOrdersNeedALogin() {
        for (String path : new String[] { "/cart", "/checkout", "/orders" }) {
            EntityExchangeResult<String> page = browser().get(path);
            assertThat(page.getStatus().value()).as(path).isEqualTo(302);
            assertThat(page.getResponseHeaders().getLocation()).as(path).hasToString("/login");
        }
        EntityExchangeResult<String> htmx = browser().get("/cart", HTMX);
        assertThat(htmx.getStatus().value()).isEqualTo(401);
        assertThat(htmx.getResponseHeaders().getFirst("HX-Redirect")).isEqualTo("/login");
    }

    @Test
    void pagesRenderWithoutABadgeWhenTheOrderServiceIsDown() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        stubs.shop.ordersDown.set(true);

        EntityExchangeResult<String> page = user.get("/products");

        assertThat(page.getStatus().value()).isEqualTo(200);
        assertThat(page.getResponseBody()).contains("<span id=\"cart-badge\" class=\"cart-badge\"></span>");
    }

    // --- checkout
    // -----------------------------------------------------------------------

    @Test
    void checkoutShowsTheSummaryTheCardFormAndTheTestCards() {
        Browser user = withMugInCart();

        String page = user.get("/checkout").getResponseBody();

        assertThat(page).contains("<h1>Checkout</h1>")
            .contains("autocomplete=\"cc-number\"")
            .contains("autocomplete=\"cc-exp\"")
            .contains("autocomplete=\"cc-csc\"")
            .contains("<label for=\"cardNumber\">Card number</label>")
            .contains("4242 4242 4242 4242")
            .contains("4000 0000 0000 0002")
            .contains("data-disable-on-submit")
            .containsPattern("Pay <span>€19.99</span>");
        assertThat(idempotencyKey(page)).isNotBlank();
    }

    @Test
    void payingRedirectsToThePaidOrderAndASecondSubmitEndsOnTheSameOrder() {
        Browser user = withMugInCart();
        String key = idempotencyKey(user.get("/checkout").getResponseBody());
        Map<String, String> form = Map.of("cardNumber", "4242 4242 4242 4242", "expiry", "12/30", "cvc", "123",
                "idempotencyKey", key, "_csrf", user.csrf());

        EntityExchangeResult<String> first = user.post("/checkout", form);
        EntityExchangeResult<String> second = user.post("/checkout", form);

        assertThat(first.getStatus().value()).isEqualTo(303);
        assertThat(first.getResponseHeaders().getLocation()).hasToString("/orders/" + ShopStub.ORDER_ID + "?placed");
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(stubs.shop.orders).hasSize(1);
        assertThat(stubs.gatewayRequests("POST", "/api/orders")).hasSize(2).allSatisfy(request -> {
            assertThat(request.headers().get("idempotency-key")).isEqualTo(key);
            assertThat(request.body()).contains("\"cardNumber\":\"4242424242424242\"").contains("\"expiry\":\"12/30\"");
        });

        String order = user.get("/orders/" + ShopStub.ORDER_ID + "?placed").getResponseBody();
        assertThat(order).contains("Thank you! Your order has been placed.")
            .contains("data-status=\"PAID\">Paid<")
            .contains("Card ending in <span>4242</span>")
            .contains("id=\"order-total\">€19.99<")
            .doesNotContain("4242424242424242");
    }

    @Test
    void aSubmitStillInFlightIsAwaitedAndEndsOnTheSameOrder() {
        Browser user = withMugInCart();
        String key = idempotencyKey(user.get("/checkout").getResponseBody());
        stubs.shop.inFlightAnswers.set(2);

        EntityExchangeResult<String> pay = user.post("/checkout", Map.of("cardNumber", "4242424242424242", "expiry",
                "12/30", "cvc", "123", "idempotencyKey", key, "_csrf", user.csrf()));

        assertThat(pay.getResponseHeaders().getLocation()).hasToString("/orders/" + ShopStub.ORDER_ID + "?placed");
        assertThat(stubs.gatewayRequests("POST", "/api/orders")).hasSize(3);
    }

    @Test
    void aDeclinedCardSaysSoKeepsTheCartAndOffersANewAttempt() {
        Browser user = withMugInCart();
        String key = idempotencyKey(user.get("/checkout").getResponseBody());

        EntityExchangeResult<String> pay = user.post("/checkout", Map.of("cardNumber", "4000 0000 0000 0002", "expiry",
                "12/30", "cvc", "123", "idempotencyKey", key, "_csrf", user.csrf()));

        assertThat(pay.getStatus().value()).isEqualTo(402);
        assertThat(pay.getResponseBody()).containsPattern("role=\"alert\" id=\"checkout-error\">Your card was declined")
            .contains("Nothing was charged and your cart is unchanged")
            .contains("Enamel Camp Mug")
            .doesNotContain("value=\"123\"");
        assertThat(idempotencyKey(pay.getResponseBody())).isNotEqualTo(key);
        assertThat(stubs.shop.orders).isEmpty();
    }

    @Test
    void aStockConflictNamesTheItems() {
        Browser user = withMugInCart();
        String key = idempotencyKey(user.get("/checkout").getResponseBody());
        stubs.shop.shortOfStock.set(true);

        EntityExchangeResult<String> pay = user.post("/checkout", Map.of("cardNumber", "4242424242424242", "expiry",
                "12/30", "cvc", "123", "idempotencyKey", key, "_csrf", user.csrf()));

        assertThat(pay.getStatus().value()).isEqualTo(409);
        assertThat(pay.getResponseBody()).contains("Not enough stock for: Desk Lamp (2 left)");
    }

    @Test
    void cardFieldsAreCheckedBeforeCallingTheGateway() {
        Browser user = withMugInCart();
        user.get("/checkout");

        EntityExchangeResult<String> pay = user.post("/checkout", Map.of("cardNumber", "42", "expiry", "13/30", "cvc",
                "", "idempotencyKey", "k-1", "_csrf", user.csrf()));

        assertThat(pay.getStatus().value()).isEqualTo(422);
        assertThat(pay.getResponseBody())
            .containsPattern("id=\"cardNumber\"[^>]*aria-invalid=\"true\"\\s+aria-describedby=\"cardNumber-error\"")
            .contains("id=\"expiry-error\"")
            .contains("id=\"cvc-error\"");
        assertThat(stubs.gatewayRequests("POST", "/api/orders")).isEmpty();
    }

    @Test
    void anUnavailableOrderServiceKeepsTheKeyForASafeRetry() {
        Browser user = withMugInCart();
        String key = idempotencyKey(user.get("/checkout").getResponseBody());
        stubs.shop.ordersDown.set(true);

        EntityExchangeResult<String> pay = user.post("/checkout", Map.of("cardNumber", "4242424242424242", "expiry",
                "12/30", "cvc", "123", "idempotencyKey", key, "_csrf", user.csrf()));

        assertThat(pay.getStatus().value()).isEqualTo(503);
        assertThat(pay.getResponseBody()).contains("You have not been charged twice");
        assertThat(idempotencyKey(pay.getResponseBody())).isEqualTo(key);
    }

    // --- orders
    // -------------------------------------------------------------------------

    @Test
    void ordersListTheirHistoryAndCanBeCancelled() {
        Browser user = placedOrder();

        String list = user.get("/orders").getResponseBody();
        assertThat(list).contains("<h1>Your orders</h1>").contains("SO-2026-000001").contains(">Paid<");

        String detail = user.get("/orders/" + ShopStub.ORDER_ID).getResponseBody();
        assertThat(detail).contains(">Cancel order</button>");
        String key = idempotencyKey(detail);
        EntityExchangeResult<String> cancel = user.post("/orders/" + ShopStub.ORDER_ID + "/cancel",
                Map.of("idempotencyKey", key, "_csrf", user.csrf()));

        assertThat(cancel.getResponseHeaders().getLocation())
            .hasToString("/orders/" + ShopStub.ORDER_ID + "?cancelled");
        assertThat(stubs.gatewayRequests("POST", "/api/orders/" + ShopStub.ORDER_ID + "/cancel")).singleElement()
            .satisfies(request -> assertThat(request.headers().get("idempotency-key")).isEqualTo(key));
        assertThat(user.get("/orders/" + ShopStub.ORDER_ID + "?cancelled").getResponseBody()).contains(">Cancelled<")
            .doesNotContain(">Cancel order</button>");
    }

    @Test
    void anotherUsersOrderIsNotFound() {
        placedOrder();

        EntityExchangeResult<String> page = loggedIn(StubUpstreams.XSS_EMAIL).get("/orders/" + ShopStub.ORDER_ID);

        assertThat(page.getStatus().value()).isEqualTo(404);
        assertThat(page.getResponseBody()).doesNotContain("SO-2026");
    }

    // --- admin
    // --------------------------------------------------------------------------

    @Test
    void productAdministrationIsForAdminsOnly() {
        assertThat(loggedIn(StubUpstreams.USER_EMAIL).get("/admin/products").getStatus().value()).isEqualTo(403);

        String page = loggedIn(StubUpstreams.ADMIN_EMAIL).get("/admin/products").getResponseBody();
        assertThat(page).contains("<h1>Products</h1>").contains("Enamel Camp Mug").contains(">Products</a>");
    }

    @Test
    void editingSendsIfMatchAndAStaleVersionSaysSomeoneElseChangedIt() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);
        String form = admin.get("/admin/products/" + ShopStub.MUG_ID).getResponseBody();
        assertThat(form).contains("name=\"etag\" value=\"&quot;3&quot;\"").contains("value=\"19.99\"");

        EntityExchangeResult<String> save = admin.post("/admin/products/" + ShopStub.MUG_ID,
                Map.of("sku", "MUG-1", "name", "Mug", "description", "", "price", "21.50", "stock", "7", "imageUrl", "",
                        "etag", "\"3\"", "idempotencyKey", idempotencyKey(form), "_csrf", admin.csrf()));
        assertThat(save.getResponseHeaders().getLocation())
            .hasToString("/admin/products/" + ShopStub.MUG_ID + "?saved");
        assertThat(stubs.gatewayRequests("PUT", "/api/products/")).singleElement().satisfies(request -> {
            assertThat(request.headers().get("if-match")).isEqualTo("\"3\"");
            assertThat(request.body()).contains("\"price\":{\"amount\":2150,\"currency\":\"EUR\"}")
                .contains("\"stock\":7");
        });

        EntityExchangeResult<String> stale = admin.post("/admin/products/" + ShopStub.MUG_ID,
                Map.of("sku", "MUG-1", "name", "Mug", "price", "21.50", "stock", "7", "etag", "\"2\"", "idempotencyKey",
                        "k-stale", "_csrf", admin.csrf()));
        assertThat(stale.getStatus().value()).isEqualTo(412);
        assertThat(stale.getResponseBody()).contains("changed by someone else").contains("Reload the product");
    }

    @Test
    void createChecksThePriceAndShowsADuplicateSku() {
        Browser admin = loggedIn(StubUpstreams.ADMIN_EMAIL);
        admin.get("/admin/products/new");

        EntityExchangeResult<String> badPrice = admin.post("/admin/products", Map.of("sku", "NEW-1", "name", "New",
                "price", "12.345", "stock", "1", "idempotencyKey", "k-a", "_csrf", admin.csrf()));
        assertThat(badPrice.getStatus().value()).isEqualTo(422);
        assertThat(badPrice.getResponseBody()).contains("id=\"price-error\"");
        assertThat(stubs.gatewayRequests("POST", "/api/products")).isEmpty();

        EntityExchangeResult<String> dupe = admin.post("/admin/products", Map.of("sku", "DUPE", "name", "New", "price",
                "12", "stock", "1", "idempotencyKey", "k-b", "_csrf", admin.csrf()));
        assertThat(dupe.getStatus().value()).isEqualTo(422);
        assertThat(dupe.getResponseBody()).contains("SKU DUPE is already in use");

        EntityExchangeResult<String> created = admin.post("/admin/products", Map.of("sku", "NEW-2", "name", "New",
                "price", "12", "stock", "1", "idempotencyKey", "k-c", "_csrf", admin.csrf()));
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/admin/products?created");
        assertThat(stubs.gatewayRequests("POST", "/api/products")).last()
            .satisfies(request -> assertThat(request.body()).contains("\"amount\":1200"));

        EntityExchangeResult<String> deleted = admin.post("/admin/products/" + ShopStub.LAMP_ID + "/delete",
                admin.csrfForm());
        assertThat(deleted.getResponseHeaders().getLocation()).hasToString("/admin/products?deleted");
        assertThat(stubs.shop.products).doesNotContainKey(ShopStub.LAMP_ID);
    }

    // --- helpers
    // ------------------------------------------------------------------------

    private Browser withMugInCart() {
        Browser user = loggedIn(StubUpstreams.USER_EMAIL);
        stubs.shop.carts.put(stubs.users.get(StubUpstreams.USER_EMAIL).id(),
                new java.util.concurrent.ConcurrentHashMap<>(Map.of(ShopStub.MUG_ID, 1)));
        return user;
    }

    private Browser placedOrder() {
        Browser user = withMugInCart();
        String key = idempotencyKey(user.get("/checkout").getResponseBody());
        user.post("/checkout", Map.of("cardNumber", "4242424242424242", "expiry", "12/30", "cvc", "123",
                "idempotencyKey", key, "_csrf", user.csrf()));
        return user;
    }

    static String idempotencyKey(String page) {
        Matcher matcher = IDEMPOTENCY_KEY.matcher(page);
        assertThat(matcher.find()).as("an idempotency key on the page").isTrue();
        return matcher.group(1);
    }

    /** The add form's key from an htmx answer's out-of-band swap of the hidden input. */
    private static String renewedKey(String fragment) {
        Matcher matcher = Pattern.compile(
                "<input type=\"hidden\" id=\"add-to-cart-key\" name=\"idempotencyKey\" value=\"([^\"]+)\"\\s+hx-swap-oob=\"true\">")
            .matcher(fragment);
        assertThat(matcher.find()).as("a renewed key in " + fragment).isTrue();
        return matcher.group(1);
    }

    /** A JSON body the stub gateway received, as a map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return JsonMapper.shared().readValue(body, Map.class);
    }

}
