package com.acme.shop.bff.home;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A product of the catalog as the home page shows it: what a product card needs (read
 * from product's public {@code GET /api/products}; the other fields are dropped).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "HomeProduct", requiredProperties = { "id", "name", "price", "stock" })
record FeaturedProduct(@Schema(example = "7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6") UUID id,
        @Schema(example = "MUG-ENAMEL-01") String sku, @Schema(example = "Enamel Camp Mug") String name, Money price,
        @Schema(description = "Quantity available for sale", example = "25") int stock,
        @Schema(nullable = true, example = "/images/products/enamel-camp-mug.svg") String imageUrl) {
}
