package com.acme.shop.product.catalog;

import com.acme.shop.product.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.Locale;

/**
 * Request body of {@code POST} and {@code PUT /api/products[/{id}]}. Validated with
 * {@code @Validated(Create.class)} (stock required) or {@code @Valid} (update: a missing
 * stock keeps the current one, so an edit of the name never undoes a sale made
 * meanwhile). Every invalid field is reported, not only the first.
 */
@Schema(name = "ProductForm", description = "A product to create, or the new state of one")
record ProductForm(
        @Schema(description = "Letters, digits and single hyphens, 3–32 characters; stored upper case; unique among "
                + "active products",
                example = "MUG-ENAMEL-01") @NotBlank @Size(min = 3, max = 32) @Pattern(regexp = SKU,
                        message = "must be letters and digits, optionally separated by single hyphens") String sku,
        @Schema(example = "Enamel Camp Mug", maxLength = 120) @NotBlank @Size(max = 120) @Pattern(regexp = NO_CONTROLS,
                message = "must not contain control characters") String name,
        @Schema(nullable = true, maxLength = 2000, example = "A 350 ml steel mug with a speckled enamel finish.") @Size(
                max = 2000) @Pattern(regexp = TEXT,
                        message = "must not contain control characters other than line breaks and tabs") String description,
        @Schema(description = "Amount in minor units, 0–100000000; currency must be SHOP_CURRENCY") @NotNull @Valid Money price,
        @Schema(description = "Available quantity, 0–1000000; required on create, optional on update (absent = "
                + "unchanged)", example = "25") @NotNull(groups = Create.class,
                        message = "must not be null") @Min(0) @Max(MAX_STOCK) Integer stock,
        @Schema(nullable = true, description = "A root-relative path (/images/…) or an https URL", maxLength = 500,
                example = "/images/products/enamel-camp-mug.svg") @Size(max = 500) @Pattern(regexp = IMAGE_URL,
                        message = "must be a path starting with a single / or an https:// URL") String imageUrl) {

    static final String SKU = "[A-Za-z0-9]+(-[A-Za-z0-9]+)*";

    static final String NO_CONTROLS = "[^\\p{Cntrl}]*";

    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    static final String IMAGE_URL = "\\s*(/[A-Za-z0-9._~%!$&'()*+,;=:@-][A-Za-z0-9._~%!$&'()*+,;=:@/-]*"
            + "|https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?(\\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?)?\\s*";

    static final int MAX_STOCK = 1_000_000;

    /** Validation group of a create: every {@link Default} rule, and stock required. */
    interface Create extends Default {

    }

    /** The validated input, normalised. */
    ProductData toData() {
        return new ProductData(sku.strip().toUpperCase(Locale.ROOT), name.strip(),
                description == null ? "" : description.strip(), price.amount(), price.currency().strip(), stock,
                imageUrl == null || imageUrl.isBlank() ? null : imageUrl.strip());
    }
}
