package com.acme.shop.web.admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.catalog.Product;
import com.acme.shop.web.catalog.ProductClient;
import com.acme.shop.web.catalog.ProductQuery;
import com.acme.shop.web.client.ApiProblem;
import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.GatewayResponse;
import com.acme.shop.web.page.FormErrors;

import reactor.core.publisher.Mono;

/**
 * Product administration (ADMIN): list, create, edit with {@code If-Match} (a stale
 * version says "changed by someone else"), stock, delete. Plain forms and redirects.
 */
@Controller
class AdminProductsController {

    static final String LIST = "admin/products";

    static final String FORM = "admin/product-form";

    private final ProductClient products;

    private final String currency;

    AdminProductsController(ProductClient products, @Value("${SHOP_CURRENCY:EUR}") String currency) {
        this.products = products;
        this.currency = currency;
    }

    @GetMapping("/admin/products")
    Mono<String> list(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
            ServerWebExchange exchange, Model model) {
        ProductQuery query = ProductQuery.of(q, page, null, "/admin/products");
        var params = exchange.getRequest().getQueryParams();
        if (params.containsKey("created")) {
            model.addAttribute("status", "Product added.");
        }
        if (params.containsKey("deleted")) {
            model.addAttribute("status", "Product deleted.");
        }
        model.addAttribute("query", query);
        return products.page(query).map(result -> {
            model.addAttribute("page", result);
            return LIST;
        });
    }

    @GetMapping("/admin/products/new")
    String createForm(Model model) {
        return form(model, null, ProductForm.empty(), FormErrors.none());
    }

    @PostMapping("/admin/products")
    Mono<String> create(@ModelAttribute("form") ProductForm submitted, ServerWebExchange exchange, Model model) {
        ProductForm form = submitted.withKey();
        FormErrors errors = form.validate(currency);
        if (!errors.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            return Mono.just(form(model, null, form, errors));
        }
        return products.create(exchange, form.body(currency), form.idempotencyKey()).map(response -> {
            if (response.isSuccess()) {
                return "redirect:/admin/products?created";
            }
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            return form(model, null, form.withNewKey(), refusal(response));
        });
    }

    @GetMapping("/admin/products/{id}")
    Mono<String> editForm(@PathVariable String id, ServerWebExchange exchange, Model model) {
        boolean saved = exchange.getRequest().getQueryParams().containsKey("saved");
        return products.getForAdmin(exchange, id).map(loaded -> {
            if (saved) {
                model.addAttribute("status", "Saved.");
            }
            return form(model, loaded.product(), ProductForm.of(loaded.product(), loaded.etag()), FormErrors.none());
        });
    }

    @PostMapping("/admin/products/{id}")
    Mono<String> update(@PathVariable String id, @ModelAttribute("form") ProductForm submitted,
            ServerWebExchange exchange, Model model) {
        ProductForm form = submitted.withKey();
        String productId = ProductClient.checkedId(id);
        FormErrors errors = form.validate(currency);
        if (!errors.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            return reload(exchange, model, productId, form, errors);
        }
        return products.update(exchange, productId, form.body(currency), form.etag(), form.idempotencyKey())
            .flatMap(response -> {
                if (response.isSuccess()) {
                    return Mono.just("redirect:/admin/products/" + productId + "?saved");
                }
                if (response.status() == 412) {
                    exchange.getResponse().setStatusCode(HttpStatus.PRECONDITION_FAILED);
                    model.addAttribute("stale", true);
                    return reload(exchange, model, productId, form.withNewKey(), FormErrors.none()
                        .global("This product was changed by someone else in the meantime. Reload it to see the "
                                + "current values, then make your change again."));
                }
                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                return reload(exchange, model, productId, form.withNewKey(), refusal(response));
            });
    }

    @PostMapping("/admin/products/{id}/delete")
    Mono<String> delete(@PathVariable String id, ServerWebExchange exchange) {
        return products.delete(exchange, id).thenReturn("redirect:/admin/products?deleted");
    }

    private Mono<String> reload(ServerWebExchange exchange, Model model, String id, ProductForm form,
            FormErrors errors) {
        return products.getForAdmin(exchange, id).map(loaded -> form(model, loaded.product(), form, errors));
    }

    private String form(Model model, Product product, ProductForm form, FormErrors errors) {
        model.addAttribute("product", product);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("currency", currency);
        return FORM;
    }

    /** A refusal shown on the form; 403, 404 and 5xx are error pages. */
    static FormErrors refusal(GatewayResponse response) {
        int status = response.status();
        if (status == 403 || status == 404 || status >= 500) {
            throw new GatewayException(status >= 500 ? 503 : status, "product change failed: " + status);
        }
        ApiProblem problem = response.problem();
        if (status == 409 && problem.errors().isEmpty()) {
            return FormErrors.none()
                .reject("sku", problem.message("This SKU is already in use."))
                .global("Please correct the errors below.");
        }
        if (status == 429) {
            return FormErrors.none().global("Too many requests. Please wait a moment and try again.");
        }
        FormErrors errors = FormErrors.none();
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = error.field().startsWith("price.") ? "price" : error.field();
            if (ProductForm.FIELDS.contains(field)) {
                errors.reject(field, error.message());
            }
        }
        return errors.global(errors.isEmpty() ? problem.message("The product could not be saved.")
                : "Please correct the errors below.");
    }

}
