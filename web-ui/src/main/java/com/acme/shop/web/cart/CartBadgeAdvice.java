package com.acme.shop.web.cart;

import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.page.Htmx;
import com.acme.shop.web.page.PageModel;

import reactor.core.publisher.Mono;

/**
 * The header's cart badge: the cart's {@code itemCount} for a signed-in user, rendered
 * server-side on full pages (GET) (htmx fragments carry their own badge update). When the
 * cart cannot be read (order service down, session ended) the page shows no badge rather
 * than failing.
 */
@ControllerAdvice
class CartBadgeAdvice {

    static final String CART_COUNT = "cartCount";

    private final CartClient carts;

    CartBadgeAdvice(CartClient carts) {
        this.carts = carts;
    }

    @ModelAttribute(CART_COUNT)
    Mono<Integer> cartCount(ServerWebExchange exchange) {
        if (Htmx.isHtmx(exchange) || exchange.getRequest().getMethod() != HttpMethod.GET) {
            return Mono.empty();
        }
        return PageModel.user()
            .flatMap(user -> carts.current(exchange).map(Cart::itemCount))
            .onErrorResume(ex -> Mono.empty());
    }

}
