package com.acme.shop.web.orders;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.cart.CartClient;
import com.acme.shop.web.client.ApiProblem;
import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.GatewayResponse;
import com.acme.shop.web.page.FormErrors;

import reactor.core.publisher.Mono;

/**
 * The checkout: the cart's summary and a card form. The form carries an idempotency key
 * generated when it was rendered, so a double click or a reload that submits it again
 * sends the same key and ends on the same order (one order, one charge). A declined card
 * (402) keeps the cart and says so; a stock conflict (409) names the items; on success
 * the browser goes to the order.
 */
@Controller
class CheckoutController {

    static final String PAGE = "checkout/page";

    /** The demo's test cards (shop.md "Payment"), listed on the page. */
    static final java.util.List<TestCard> TEST_CARDS = java.util.List.of(
            new TestCard("4242 4242 4242 4242", "Payment succeeds"),
            new TestCard("4000 0000 0000 0002", "Card declined"),
            new TestCard("4000 0000 0000 9995", "Declined: insufficient funds"),
            new TestCard("4000 0000 0000 0119", "Processor error (try again)"));

    record TestCard(String number, String outcome) {
    }

    private final CartClient carts;

    private final OrderClient orders;

    CheckoutController(CartClient carts, OrderClient orders) {
        this.carts = carts;
        this.orders = orders;
    }

    @GetMapping("/checkout")
    Mono<String> checkout(ServerWebExchange exchange, Model model) {
        return render(exchange, model, CardForm.empty(), FormErrors.none());
    }

    @PostMapping("/checkout")
    Mono<String> pay(@ModelAttribute("form") CardForm submitted, ServerWebExchange exchange, Model model) {
        CardForm form = submitted.withKey();
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            return render(exchange, model, form.again(), errors);
        }
        return orders.place(exchange, form).flatMap(response -> {
            if (response.isSuccess()) {
                return Mono.just("redirect:/orders/" + response.as(Order.class).id() + "?placed");
            }
            exchange.getResponse().setStatusCode(HttpStatus.valueOf(response.status()));
            return switch (response.status()) {
                case 402 ->
                    render(exchange, model, form.retry(), FormErrors.none().global(declined(response.problem())));
                case 409 -> OrderClient.inFlight(response)
                        ? render(exchange, model, form.again(), FormErrors.none()
                            .global("Your payment is still being processed. Check your orders before trying again."))
                        : render(exchange, model, form.retry(), FormErrors.none()
                            .global(response.problem().message("Some items in your cart are no longer in stock.")
                                    + " Please update your cart."));
                case 400, 422 -> render(exchange, model, form.retry(), fieldErrors(response.problem()));
                case 429 -> render(exchange, model, form.again(),
                        FormErrors.none().global("Too many requests. Please wait a moment and try again."));
                default -> unavailable(exchange, model, form, response);
            };
        }).onErrorResume(GatewayException.class, ex -> {
            if (ex.status() < 500) {
                return Mono.error(ex);
            }
            exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            return render(exchange, model, form.again(), FormErrors.none().global(UNAVAILABLE));
        });
    }

    static final String UNAVAILABLE = "We could not complete your payment right now. You have not been charged twice: "
            + "submitting again is safe. Please try again in a moment.";

    private Mono<String> unavailable(ServerWebExchange exchange, Model model, CardForm form, GatewayResponse response) {
        if (response.status() == 403 || response.status() == 404) {
            return Mono.error(new GatewayException(response.status(), "checkout refused"));
        }
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        return render(exchange, model, form.again(), FormErrors.none().global(UNAVAILABLE));
    }

    static String declined(ApiProblem problem) {
        String reason = problem.detail() != null ? problem.detail() : "The card was declined.";
        return "Your card was declined: " + reason
                + " Nothing was charged and your cart is unchanged. Try another card.";
    }

    /** Field errors of the card ({@code payment.cardNumber} or {@code cardNumber}). */
    static FormErrors fieldErrors(ApiProblem problem) {
        FormErrors errors = FormErrors.none();
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = error.field().startsWith("payment.") ? error.field().substring(8) : error.field();
            if (CardForm.FIELDS.contains(field)) {
                errors.reject(field, error.message());
            }
        }
        if (errors.isEmpty()) {
            errors.global(problem.message("Please check your card details."));
        }
        else {
            errors.global("Please check your card details.");
        }
        return errors;
    }

    private Mono<String> render(ServerWebExchange exchange, Model model, CardForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("testCards", TEST_CARDS);
        return carts.current(exchange).map(cart -> {
            model.addAttribute("cart", cart);
            return PAGE;
        }).onErrorResume(GatewayException.class, ex -> {
            if (errors.isEmpty()) {
                return Mono.error(ex);
            }
            // after a failed payment attempt: the form (with its key) even when the cart
            // cannot be shown
            model.addAttribute("cart", null);
            return Mono.just(PAGE);
        });
    }

}
