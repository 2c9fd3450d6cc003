package com.acme.shop.web.catalog;

import com.acme.shop.web.money.Money;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A product as the gateway returns it (shop.md "product"). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Product(String id, String sku, String name, String description, Money price, int stock, String imageUrl,
        boolean active, String createdAt, String updatedAt, Long version) {

    /** At or below this many, the page says "only N left". */
    public static final int LOW_STOCK = 5;

    public boolean soldOut() {
        return stock <= 0;
    }

    public boolean lowStock() {
        return stock > 0 && stock <= LOW_STOCK;
    }

    /** "In stock", "Only 3 left" or "Sold out". */
    public String stockText() {
        return soldOut() ? "Sold out" : lowStock() ? "Only " + stock + " left" : "In stock";
    }

    /** The CSS class of the stock state. */
    public String stockState() {
        return soldOut() ? "sold-out" : lowStock() ? "low" : "in-stock";
    }

    /**
     * The picture's URL when it is a local path or an https URL, else none (the page
     * shows a placeholder).
     */
    public String safeImageUrl() {
        if (imageUrl == null) {
            return null;
        }
        String url = imageUrl.strip();
        boolean local = url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\");
        return local || url.startsWith("https://") ? url : null;
    }
}
