package com.acme.shop.web.orders;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.page.IdempotencyKeys;

import reactor.core.publisher.Mono;

/**
 * Order history (paged, newest first) and one order: status, items at their purchase
 * price, total, the card's last four digits, and "Cancel order" where the order service
 * allows it (a POST with its own idempotency key).
 */
@Controller
class OrdersController {

    static final String LIST = "orders/list";

    static final String DETAIL = "orders/detail";

    private final OrderClient orders;

    OrdersController(OrderClient orders) {
        this.orders = orders;
    }

    @GetMapping("/orders")
    Mono<String> list(@RequestParam(required = false) String page, ServerWebExchange exchange, Model model) {
        int number;
        try {
            number = page == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(page.strip())));
        }
        catch (NumberFormatException ex) {
            number = 0;
        }
        return orders.page(exchange, number).map(result -> {
            model.addAttribute("page", result);
            return LIST;
        });
    }

    @GetMapping("/orders/{id}")
    Mono<String> detail(@PathVariable String id, ServerWebExchange exchange, Model model) {
        var params = exchange.getRequest().getQueryParams();
        if (params.containsKey("placed")) {
            model.addAttribute("status", "Thank you! Your order has been placed.");
        }
        if (params.containsKey("cancelled")) {
            model.addAttribute("status", "Your order has been cancelled and the payment refunded.");
        }
        return show(exchange, model, id);
    }

    @PostMapping("/orders/{id}/cancel")
    Mono<String> cancel(@PathVariable String id, @ModelAttribute CancelForm form, ServerWebExchange exchange,
            Model model) {
        return orders.cancel(exchange, id, IdempotencyKeys.orNew(form.idempotencyKey())).flatMap(response -> {
            if (response.isSuccess()) {
                return Mono.just("redirect:/orders/" + id + "?cancelled");
            }
            int status = response.status();
            if (status == 409 || status == 422) {
                exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                model.addAttribute("error", response.problem().message("This order can no longer be cancelled."));
                return show(exchange, model, id);
            }
            return Mono
                .error(new GatewayException(status == 403 ? 404 : status >= 500 ? 503 : status, "cancel failed"));
        });
    }

    /** The cancel button's form: the idempotency key rendered with it. */
    public record CancelForm(String idempotencyKey) {
    }

    private Mono<String> show(ServerWebExchange exchange, Model model, String id) {
        return orders.get(exchange, id).map(order -> {
            model.addAttribute("order", order);
            model.addAttribute("cancelKey", IdempotencyKeys.newKey());
            return DETAIL;
        });
    }

}
