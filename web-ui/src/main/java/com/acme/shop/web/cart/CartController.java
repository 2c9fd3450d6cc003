package com.acme.shop.web.cart;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.catalog.ProductClient;
import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.GatewayResponse;
import com.acme.shop.web.page.Htmx;
import com.acme.shop.web.page.IdempotencyKeys;

import reactor.core.publisher.Mono;

/**
 * The cart page and its changes. "Add to cart" (from a product page), quantity changes
 * and removals are plain form POSTs that redirect (no JS), or htmx requests answered with
 * a fragment and an out-of-band update of the header's badge.
 */
@Controller
class CartController {

    static final String PAGE = "cart/page";

    static final String PANEL = "cart/fragments :: panel-htmx";

    static final String ADDED = "cart/fragments :: added";

    /**
     * The product page, shown again with the reason when "Add to cart" was refused (no
     * JS).
     */
    static final String PRODUCT = "catalog/detail";

    /**
     * The model attribute with the key of the product page's "Add to cart" form (the
     * catalog renders the page with the same name).
     */
    static final String ADD_KEY = "addToCartKey";

    static final String ADDED_MESSAGE = "Added to your cart.";

    static final String STILL_IN_FLIGHT = "Your earlier add is still being processed. Check your cart before adding again.";

    private final CartClient carts;

    private final ProductClient products;

    CartController(CartClient carts, ProductClient products) {
        this.carts = carts;
        this.products = products;
    }

    @GetMapping("/cart")
    Mono<String> cart(ServerWebExchange exchange, Model model) {
        return carts.current(exchange).map(cart -> {
            model.addAttribute("cart", cart);
            return PAGE;
        });
    }

    /**
     * Adds {@code quantity} (default 1, a value outside 1–99 counts as 1) of a product to
     * what the cart holds, in one call the order service applies atomically (no read of
     * the cart first, so two tabs adding at once both count); the service refuses a line
     * over the stock or {@value CartClient#MAX_QUANTITY}. The form's idempotency key
     * makes a resubmit of the same form (double click without JS, a browser retry, a
     * reload of the POST) a replay of the first add, shown like a success; every answer
     * that lets the user add again (the product page after the redirect, the htmx
     * fragment, a refusal) carries a new key, so the next deliberate add is a new add.
     */
    @PostMapping("/cart/items")
    Mono<String> add(@ModelAttribute CartLineForm form, ServerWebExchange exchange, Model model) {
        String id = ProductClient.checkedId(form.productId());
        int adding = CartQuantities.parse(form.quantity()).orElse(1);
        String key = form.key();
        return carts.add(exchange, id, adding, key).flatMap(response -> {
            if (response.isSuccess()) {
                if (!Htmx.isHtmx(exchange)) {
                    return Mono.just("redirect:/products/" + id + "?added");
                }
                model.addAttribute("message", ADDED_MESSAGE);
                model.addAttribute(ADD_KEY, IdempotencyKeys.newKey());
                if (CartClient.replayed(response)) {
                    // the stored answer holds the cart as it was then: show today's count
                    return carts.current(exchange).map(cart -> {
                        model.addAttribute("cart", cart);
                        return ADDED;
                    }).onErrorResume(GatewayException.class, ex -> Mono.just(ADDED));
                }
                Cart cart = response.as(Cart.class);
                carts.remember(exchange, cart);
                model.addAttribute("cart", cart);
                return Mono.just(ADDED);
            }
            boolean inFlight = CartClient.inFlight(response);
            String message = inFlight ? STILL_IN_FLIGHT : refusal(response);
            exchange.getResponse().setStatusCode(HttpStatus.valueOf(response.status()));
            model.addAttribute("error", message);
            // a refusal changed nothing: the next add is a new one; an add still in
            // flight
            // may yet happen: a retry must replay it
            model.addAttribute(ADD_KEY, inFlight ? key : IdempotencyKeys.newKey());
            if (!Htmx.isHtmx(exchange)) {
                return products.get(id).map(loaded -> {
                    model.addAttribute("product", loaded.product());
                    return PRODUCT;
                });
            }
            return Mono.just(ADDED);
        });
    }

    @PostMapping("/cart/items/{productId}")
    Mono<String> update(@PathVariable String productId, @ModelAttribute CartLineForm form, ServerWebExchange exchange,
            Model model) {
        String id = ProductClient.checkedId(productId);
        var parsed = CartQuantities.parse(form.quantity());
        if (parsed.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            return panel(exchange, model, id, "Enter a quantity from 1 to " + CartClient.MAX_QUANTITY + ".");
        }
        return changed(exchange, model, carts.setQuantity(exchange, id, parsed.getAsInt()), id);
    }

    @PostMapping("/cart/items/{productId}/remove")
    Mono<String> remove(@PathVariable String productId, ServerWebExchange exchange, Model model) {
        String id = ProductClient.checkedId(productId);
        return changed(exchange, model, carts.remove(exchange, id), null);
    }

    private Mono<String> changed(ServerWebExchange exchange, Model model, Mono<GatewayResponse> change,
            String productId) {
        return change.flatMap(response -> {
            if (response.isSuccess()) {
                Cart cart = response.as(Cart.class);
                carts.remember(exchange, cart);
                if (!Htmx.isHtmx(exchange)) {
                    return Mono.just("redirect:/cart");
                }
                model.addAttribute("cart", cart);
                model.addAttribute("status", "Cart updated.");
                return Mono.just(PANEL);
            }
            String message = refusal(response);
            exchange.getResponse().setStatusCode(HttpStatus.valueOf(response.status()));
            return panel(exchange, model, productId, message);
        });
    }

    /** The cart page (no JS) or panel (htmx) showing {@code error}. */
    private Mono<String> panel(ServerWebExchange exchange, Model model, String productId, String error) {
        model.addAttribute("error", error);
        model.addAttribute("errorProduct", productId);
        return carts.current(exchange).map(cart -> {
            model.addAttribute("cart", cart);
            if (Htmx.isHtmx(exchange)) {
                model.addAttribute("status", error);
                return PANEL;
            }
            return PAGE;
        });
    }

    /**
     * What the page says when the cart API refuses a change; other failures are errors.
     */
    static String refusal(GatewayResponse response) {
        int status = response.status();
        if (status == 409) {
            return response.problem().message("There are not that many in stock.");
        }
        if (status == 404) {
            return "This product is no longer available.";
        }
        if (status == 400 || status == 422) {
            return response.problem().message("Enter a quantity from 1 to " + CartClient.MAX_QUANTITY + ".");
        }
        if (status == 429) {
            return "Too many requests. Please wait a moment and try again.";
        }
        throw new GatewayException(status >= 500 ? 503 : status, "cart change failed: " + status);
    }

}
