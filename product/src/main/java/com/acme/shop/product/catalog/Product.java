package com.acme.shop.product.catalog;

import com.acme.shop.product.ETags;
import com.acme.shop.product.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A product as the API shows it: {@code {id, sku, name, description, price: {amount,
 * currency}, stock, imageUrl, active, createdAt, updatedAt, version}}.
 */
@Schema(name = "Product", description = "A catalog entry; stock is the quantity available for sale")
record Product(@Schema(example = "7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6") UUID id,
        @Schema(example = "MUG-ENAMEL-01") String sku, @Schema(example = "Enamel Camp Mug") String name,
        @Schema(example = "A 350 ml steel mug with a speckled enamel finish.") String description, Money price,
        @Schema(example = "25", minimum = "0") int stock,
        @Schema(nullable = true, example = "/images/products/enamel-camp-mug.svg") String imageUrl,
        @Schema(description = "false once deleted; the public API shows only active products") boolean active,
        Instant createdAt, Instant updatedAt,
        @Schema(description = "Row version; the ETag is this number in quotes", example = "0") long version) {

    /** The strong entity tag for this version, e.g. {@code "3"}. */
    String etag() {
        return ETags.format(version);
    }
}
