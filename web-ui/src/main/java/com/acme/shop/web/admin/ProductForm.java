package com.acme.shop.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import com.acme.shop.web.catalog.Product;
import com.acme.shop.web.money.Prices;
import com.acme.shop.web.page.FormErrors;
import com.acme.shop.web.page.IdempotencyKeys;

/**
 * The admin's product form: the price as typed ("19.99"), turned into minor units without
 * floating point, the stock, the idempotency key and the ETag it was rendered with (sent
 * as {@code If-Match}).
 */
public record ProductForm(String sku, String name, String description, String price, String stock, String imageUrl,
        String idempotencyKey, String etag) {

    static final Set<String> FIELDS = Set.of("sku", "name", "description", "price", "stock", "imageUrl");

    static ProductForm empty() {
        return new ProductForm("", "", "", "", "0", "", IdempotencyKeys.newKey(), null);
    }

    static ProductForm of(Product product, String etag) {
        return new ProductForm(product.sku(), product.name(),
                product.description() == null ? "" : product.description(),
                product.price() == null ? "" : Prices.toDecimal(product.price().amount(), product.price().currency()),
                String.valueOf(product.stock()), product.imageUrl() == null ? "" : product.imageUrl(),
                IdempotencyKeys.newKey(), etag);
    }

    ProductForm withKey() {
        return new ProductForm(sku, name, description, price, stock, imageUrl, IdempotencyKeys.orNew(idempotencyKey),
                etag);
    }

    /**
     * A fresh key: the next submit is a new request (after a refusal the gateway stored).
     */
    ProductForm withNewKey() {
        return new ProductForm(sku, name, description, price, stock, imageUrl, IdempotencyKeys.newKey(), etag);
    }

    FormErrors validate(String currency) {
        FormErrors errors = FormErrors.none()
            .required("sku", sku, "Enter a SKU")
            .required("name", name, "Enter a name");
        if (Prices.parse(price, currency).isEmpty()) {
            errors.reject("price", "Enter a price such as 19.99");
        }
        if (stock == null || !stock.strip().matches("[0-9]{1,7}")) {
            errors.reject("stock", "Enter the stock as a whole number, 0 or more");
        }
        return errors;
    }

    Map<String, Object> body(String currency) {
        OptionalLong amount = Prices.parse(price, currency);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku == null ? "" : sku.strip());
        body.put("name", name == null ? "" : name.strip());
        body.put("description", description == null || description.isBlank() ? null : description.strip());
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount", amount.orElse(0));
        money.put("currency", currency);
        body.put("price", money);
        body.put("stock", Integer.parseInt(stock.strip()));
        body.put("imageUrl", imageUrl == null || imageUrl.isBlank() ? null : imageUrl.strip());
        return body;
    }
}
