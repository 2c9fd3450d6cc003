package com.acme.shop.product.catalog;

/**
 * Validated, normalised product fields: SKU upper case, texts stripped, description
 * {@code ""} when absent, {@code imageUrl} {@code null} when absent, {@code stock}
 * {@code null} on an update that keeps the current stock.
 */
record ProductData(String sku, String name, String description, long priceAmount, String currency, Integer stock,
        String imageUrl) {
}
