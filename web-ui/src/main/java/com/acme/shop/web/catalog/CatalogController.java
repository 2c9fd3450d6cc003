package com.acme.shop.web.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.page.Htmx;
import com.acme.shop.web.page.IdempotencyKeys;

import reactor.core.publisher.Mono;

/**
 * The public catalog: the grid with search as you type, paging and sort
 * ({@code /products}; htmx gets the results fragment, a plain GET the whole page), and a
 * product's page with "Add to cart". No login needed; the product API is called without a
 * token.
 */
@Controller
class CatalogController {

    static final String LIST = "catalog/list";

    static final String RESULTS = "catalog/fragments :: results-htmx";

    static final String DETAIL = "catalog/detail";

    /**
     * The model attribute holding the idempotency key of the page's "Add to cart" form:
     * new on every rendering, so each deliberate add is a new add and only a resubmit of
     * the same form is replayed.
     */
    static final String ADD_KEY = "addToCartKey";

    private final ProductClient products;

    CatalogController(ProductClient products) {
        this.products = products;
    }

    @GetMapping("/products")
    Mono<String> list(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String sort, ServerWebExchange exchange, Model model) {
        ProductQuery query = ProductQuery.of(q, page, sort, "/products");
        model.addAttribute("query", query);
        exchange.getResponse().getHeaders().add("Vary", Htmx.REQUEST);
        String view = Htmx.isHtmx(exchange) ? RESULTS : LIST;
        return products.page(query).map(result -> {
            model.addAttribute("page", result);
            return view;
        }).onErrorResume(GatewayException.class, ex -> {
            exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", true);
            return Mono.just(view);
        });
    }

    @GetMapping("/products/{id}")
    Mono<String> detail(@PathVariable String id, ServerWebExchange exchange, Model model) {
        ProductClient.checkedId(id);
        if (exchange.getRequest().getQueryParams().containsKey("added")) {
            model.addAttribute("status", "Added to your cart.");
        }
        model.addAttribute(ADD_KEY, IdempotencyKeys.newKey());
        return products.get(id).map(loaded -> {
            model.addAttribute("product", loaded.product());
            return DETAIL;
        });
    }

}
